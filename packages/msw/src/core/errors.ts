import type { components } from "../generated/control.js";

type JourneyRunsControlErrorCode = components["schemas"]["ControlErrorCode"];

const PREFIX = "[journey-runs/msw] ";

/**
 * The one family of errors this package throws; catch it to catch them all, and tell them apart by `code`. The fake
 * throws it itself when it is used in a way it cannot honour (an unknown journey, a duplicate run id, a bad option);
 * `startMockServer` throws its subclasses `DataFileError` (INVALID_DATA) and `ControlTokenRequiredError`
 * (CONTROL_TOKEN_REQUIRED) from `@journey-runs/msw/server`; a remote control rejects with `JourneyRunsControlError`
 * from `@journey-runs/msw/control`. The message starts with `[journey-runs/msw]` and says how to fix the call.
 *
 * @example
 * ```ts
 * try { store.journey("nope", "nope"); } catch (e) { if (e instanceof JourneyRunsMockError) console.log(e.code); }
 * ```
 */
export class JourneyRunsMockError extends Error {
  override name = "JourneyRunsMockError";
  /** A stable code for the kind of error. */
  readonly code: JourneyRunsMockErrorCode;
  /**
   * The message for a caller over HTTP, where the message names a JavaScript call: the same error with the hint
   * naming the control plane's route instead (the control plane answers with it).
   */
  readonly httpMessage: string | undefined;

  constructor(code: JourneyRunsMockErrorCode, message: string, httpMessage?: string) {
    // A message that crossed the control plane already carries the prefix.
    super(message.startsWith(PREFIX) ? message : `${PREFIX}${message}`);
    this.code = code;
    this.httpMessage =
      httpMessage === undefined || httpMessage.startsWith(PREFIX) ? httpMessage : `${PREFIX}${httpMessage}`;
  }
}

/** The kinds of misuse the fake reports, in process and (with the same code) over the control plane. */
export type JourneyRunsMisuseCode =
  | "UNKNOWN_JOURNEY"
  | "UNKNOWN_RUN"
  | "DUPLICATE_RUN"
  | "INVALID_ARGUMENT"
  | "INVALID_TRANSITION"
  /** A state given to `load` is not a valid dump; the message names the JSON pointer. */
  | "INVALID_STATE"
  /** The operation needs a manual clock (setClock, advanceClock, a scene's `clock`) but the fake runs on another. */
  | "CLOCK_NOT_MANUAL"
  /** The store would hold more runs, applications or journeys than its bound (checked before any is made). */
  | "LIMIT_EXCEEDED";

/** Every code of {@link JourneyRunsMockError} and its subclasses. */
export type JourneyRunsMockErrorCode =
  | JourneyRunsMisuseCode
  /** A `--data` file or folder cannot be loaded (`DataFileError`): the server does not start. */
  | "INVALID_DATA"
  /** The control plane would be open on a non-loopback interface without a token (`ControlTokenRequiredError`). */
  | "CONTROL_TOKEN_REQUIRED"
  /** The control plane refused a call (`JourneyRunsControlError`). */
  | JourneyRunsControlErrorCode;

/** A value for an error message: short JSON (`nothing` for undefined), never more than 64 characters. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? "nothing" : (JSON.stringify(value) ?? String(value));
  } catch {
    // Nested too deep to write out (or not JSON): say what it is instead.
    text = Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value;
  }
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
}

/** Throws an INVALID_ARGUMENT error unless `ok`. */
export function check(ok: boolean, message: string, httpMessage?: string): asserts ok {
  if (!ok) throw new JourneyRunsMockError("INVALID_ARGUMENT", message, httpMessage);
}
