import type { JourneyRunsErrorType } from "@journey-runs/types";
import { JourneyRunsError } from "./journey-runs-error.js";

/** The request an error belongs to, as sent, `Authorization` and `X-Amz-Security-Token` redacted. */
export interface RequestSnapshot {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The HTTP response an error was read from, secrets redacted. */
export interface ResponseSnapshot {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * An error answer of the service (any non-2xx status). The seven error types that GetJourneyRuns documents have their
 * own subclass; other types (from a proxy, a newer API) are instances of this class with their `errorType`.
 */
export class PinpointServiceException extends JourneyRunsError {
  override name: string = "PinpointServiceException";
  /**
   * The AWS error type: one of the seven the contract documents (`NotFoundException`, ...; the generated
   * `JourneyRunsErrorType`), another a proxy or a newer API sent, or `UnknownError` when the response names none.
   * Narrowed to its own type by `isJourneyRunsError(error, "NotFoundException")`.
   */
  declare readonly errorType: JourneyRunsErrorType | (string & {});
  /** The HTTP status. */
  declare readonly status: number;
  /** `client` for 4xx, `server` for 5xx, as AWS SDK errors say. */
  declare readonly $fault: "client" | "server";
  /** The service's own message (`Message` in the body). */
  declare readonly serviceMessage: string;
  /** The id of the request: body `RequestID`, else the `x-amzn-RequestId` header. Quote it to AWS Support. */
  declare readonly requestId: string | undefined;
  /** The response, secrets redacted. */
  declare readonly response: ResponseSnapshot;
  /** The request, `Authorization` and `X-Amz-Security-Token` redacted. */
  declare readonly request: RequestSnapshot;
}
