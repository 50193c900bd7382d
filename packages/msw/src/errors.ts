/**
 * Thrown when the fake is used in a way it cannot honour (an unknown journey, a duplicate run id, a bad option).
 * The message starts with `[journey-runs/msw]` and says how to fix the call.
 *
 * @example
 * ```ts
 * try { store.journey("nope", "nope"); } catch (e) { if (e instanceof JourneyRunsMockError) console.log(e.code); }
 * ```
 */
export class JourneyRunsMockError extends Error {
  override name = "JourneyRunsMockError";
  /** A stable code for the kind of misuse. */
  readonly code: JourneyRunsMockErrorCode;

  constructor(code: JourneyRunsMockErrorCode, message: string) {
    super(`[journey-runs/msw] ${message}`);
    this.code = code;
  }
}

/** The kinds of misuse that {@link JourneyRunsMockError} reports. */
export type JourneyRunsMockErrorCode =
  | "UNKNOWN_JOURNEY"
  | "UNKNOWN_RUN"
  | "DUPLICATE_RUN"
  | "INVALID_ARGUMENT"
  | "INVALID_TRANSITION"
  /** A state given to `load` (or a data file) is not a valid dump; the message names the JSON pointer. */
  | "INVALID_STATE"
  /** The operation needs a manual clock (setClock, advanceClock, a scene's `clock`) but the fake runs on another. */
  | "CLOCK_NOT_MANUAL"
  /** The store would hold more runs, applications or journeys than its bound (checked before any is made). */
  | "LIMIT_EXCEEDED";

/** Throws an INVALID_ARGUMENT error unless `ok`. */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new JourneyRunsMockError("INVALID_ARGUMENT", message);
}
