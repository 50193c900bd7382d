import type { JourneyRunsErrorType } from "@journey-runs/types";
import type { AbortError } from "./abort-error.js";
import type { SERVICE_ERRORS } from "./create-service-error.js";
import type { InvalidInputError } from "./invalid-input-error.js";
import type { InvalidResponseError } from "./invalid-response-error.js";
import { BRAND, type JourneyRunsError } from "./journey-runs-error.js";
import type { NetworkError } from "./network-error.js";
import type { PinpointServiceException } from "./pinpoint-service-exception.js";
import type { TimeoutError } from "./timeout-error.js";

/**
 * The error of each AWS error type the contract documents (the generated `JourneyRunsErrorType`), with `errorType`
 * narrowed to that type: a type the contract adds or drops changes this map, never a list typed by hand.
 */
export type ServiceErrorByType = {
  [Type in JourneyRunsErrorType]: InstanceType<(typeof SERVICE_ERRORS)[Type][0]> & { readonly errorType: Type };
};

/** Every error class of the package, by its stable `name`: the contract's seven error types and the client's own. */
export interface JourneyRunsErrorByName extends ServiceErrorByType {
  JourneyRunsError: JourneyRunsError;
  PinpointServiceException: PinpointServiceException;
  NetworkError: NetworkError;
  TimeoutError: TimeoutError;
  AbortError: AbortError;
  InvalidResponseError: InvalidResponseError;
  InvalidInputError: InvalidInputError;
}

/**
 * Whether `error` was thrown by this package, optionally of one class by name (subclasses of
 * `PinpointServiceException` count as `PinpointServiceException`). Works across realms, unlike `instanceof`.
 *
 * @example
 * ```ts
 * try { await client.getJourneyRuns(input); }
 * catch (error) { if (isJourneyRunsError(error, "NotFoundException")) console.log(error.requestId); }
 * ```
 */
export function isJourneyRunsError<Name extends keyof JourneyRunsErrorByName = "JourneyRunsError">(
  error: unknown,
  name?: Name,
): error is JourneyRunsErrorByName[Name] {
  if (typeof error !== "object" || error === null || (error as Partial<JourneyRunsError>)[BRAND] !== true) return false;
  if (name === undefined || name === "JourneyRunsError") return true;
  if (name === "PinpointServiceException") return "$fault" in error;
  return (error as Error).name === name;
}

/** Whether `error` is an error answer of the service (any `PinpointServiceException`), across realms. */
export const isPinpointServiceException = (error: unknown): error is PinpointServiceException =>
  isJourneyRunsError(error, "PinpointServiceException");
