import type { AbortError } from "./abort-error.js";
import type { BadRequestException } from "./bad-request-exception.js";
import type { ForbiddenException } from "./forbidden-exception.js";
import type { InternalServerErrorException } from "./internal-server-error-exception.js";
import type { InvalidInputError } from "./invalid-input-error.js";
import type { InvalidResponseError } from "./invalid-response-error.js";
import { BRAND, type JourneyRunsError } from "./journey-runs-error.js";
import type { MethodNotAllowedException } from "./method-not-allowed-exception.js";
import type { NetworkError } from "./network-error.js";
import type { NotFoundException } from "./not-found-exception.js";
import type { PayloadTooLargeException } from "./payload-too-large-exception.js";
import type { PinpointServiceException } from "./pinpoint-service-exception.js";
import type { TimeoutError } from "./timeout-error.js";
import type { TooManyRequestsException } from "./too-many-requests-exception.js";

/** Every error class of the package, by its stable `name`. */
export interface JourneyRunsErrorByName {
  JourneyRunsError: JourneyRunsError;
  PinpointServiceException: PinpointServiceException;
  BadRequestException: BadRequestException;
  ForbiddenException: ForbiddenException;
  NotFoundException: NotFoundException;
  MethodNotAllowedException: MethodNotAllowedException;
  PayloadTooLargeException: PayloadTooLargeException;
  TooManyRequestsException: TooManyRequestsException;
  InternalServerErrorException: InternalServerErrorException;
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
