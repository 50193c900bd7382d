import { JourneyRunsMockError } from "../core/errors.js";
import type { components } from "../generated/control.js";

/** The stable codes of the control plane's errors (the contract's `ControlErrorCode`). */
export type JourneyRunsControlErrorCode = components["schemas"]["ControlErrorCode"];

/** The one JSON shape of every control-plane error (the contract's `ControlError`). */
export type ControlErrorBody = components["schemas"]["ControlError"];

/**
 * Thrown by {@link connectJourneyRunsControl}'s methods when the control plane refuses a call. `code` is the same as
 * the `JourneyRunsMockError` the in-process fake throws for the same misuse (`UNKNOWN_JOURNEY`, `INVALID_ARGUMENT`,
 * ...), or one of the HTTP door's own codes (`UNAUTHORIZED`, `PAYLOAD_TOO_LARGE`, `TENANT_LIMIT`, ...).
 *
 * @example
 * ```ts
 * try { await control.addRuns("nope", "nope", 1); }
 * catch (e) { if (e instanceof JourneyRunsControlError && e.code === "UNKNOWN_JOURNEY") { ... } }
 * ```
 */
export class JourneyRunsControlError extends JourneyRunsMockError {
  override name = "JourneyRunsControlError";
  declare readonly code: JourneyRunsControlErrorCode;
  /** The HTTP status of the answer. */
  readonly status: number;

  constructor(code: JourneyRunsControlErrorCode, message: string, status: number) {
    super(code, message);
    this.status = status;
  }
}

const MAX_MESSAGE = 4096;

/** The error of a control answer that is not 2xx, read from its body when it has the documented shape. */
export function controlErrorOf(status: number, body: unknown): JourneyRunsControlError {
  if (typeof body === "object" && body !== null) {
    const { code, message } = body as Partial<Record<string, unknown>>;
    if (typeof code === "string" && typeof message === "string") {
      return new JourneyRunsControlError(code as JourneyRunsControlErrorCode, message.slice(0, MAX_MESSAGE), status);
    }
  }
  return new JourneyRunsControlError(
    status === 401 ? "UNAUTHORIZED" : "INTERNAL_ERROR",
    `The control plane answered ${status} without a ControlError body; is the URL a journey-runs-mock with --control?`,
    status,
  );
}
