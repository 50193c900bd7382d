import type { JourneyRunsControlErrorCode } from "../../control-client/errors.js";
import { JourneyRunsMockError } from "../../core/errors.js";

/** The HTTP status of each control-plane error code (the contract's documented responses). */
export const STATUS_OF_CODE: Readonly<Record<JourneyRunsControlErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  INVALID_JSON: 400,
  INVALID_TENANT: 400,
  INVALID_STATE: 400,
  UNAUTHORIZED: 401,
  UNKNOWN_JOURNEY: 404,
  UNKNOWN_RUN: 404,
  NOT_FOUND: 404,
  DUPLICATE_RUN: 409,
  INVALID_TRANSITION: 409,
  TENANT_LIMIT: 409,
  CLOCK_NOT_MANUAL: 409,
  LIMIT_EXCEEDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
  BUSY: 503,
};

/** A refusal of the control plane's HTTP door, answered as `ControlError { code, message }`. */
export class ControlHttpError extends Error {
  override name = "ControlHttpError";
  readonly code: JourneyRunsControlErrorCode;

  constructor(code: JourneyRunsControlErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** The HTTP status of this error. */
  get status(): number {
    return STATUS_OF_CODE[this.code];
  }
}

/** Any error thrown while serving a control request, as the status and JSON body to answer. */
export function controlAnswerOf(error: unknown): { status: number; body: { code: string; message: string } } {
  if (error instanceof ControlHttpError)
    return { status: error.status, body: { code: error.code, message: error.message } };
  if (error instanceof JourneyRunsMockError && Object.hasOwn(STATUS_OF_CODE, error.code)) {
    return {
      status: STATUS_OF_CODE[error.code as JourneyRunsControlErrorCode],
      // The hint of an HTTP caller names routes, not the JavaScript calls of the in-process message.
      body: { code: error.code, message: error.httpMessage ?? error.message },
    };
  }
  return {
    status: 500,
    body: { code: "INTERNAL_ERROR", message: "Internal error of journey-runs-mock's control plane; please report it." },
  };
}
