/**
 * `@journey-runs/client`: a small, fast client of Amazon Pinpoint GetJourneyRuns for browsers and Node.
 *
 * @example
 * ```ts
 * import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
 *
 * const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:4010" });
 * try {
 *   const { Item } = await client.getJourneyRuns({ applicationId: "1111...", journeyId: "aaaa..." });
 * } catch (error) {
 *   if (isJourneyRunsError(error, "NotFoundException")) console.error(error.message);
 * }
 * ```
 * @packageDocumentation
 */

export type { JourneyRun, JourneyRunStatus, JourneyRunsErrorType, JourneyRunsResponse } from "@journey-runs/types";
export type { JourneyRunsClient } from "./client.js";
export { createJourneyRunsClient } from "./client.js";
export type { Credentials, CredentialsProvider } from "./credentials.js";
export { AbortError } from "./errors/abort-error.js";
export { BadRequestException } from "./errors/bad-request-exception.js";
export { ForbiddenException } from "./errors/forbidden-exception.js";
export { InternalServerErrorException } from "./errors/internal-server-error-exception.js";
export { InvalidInputError } from "./errors/invalid-input-error.js";
export { InvalidResponseError } from "./errors/invalid-response-error.js";
export { JourneyRunsError } from "./errors/journey-runs-error.js";
export { MethodNotAllowedException } from "./errors/method-not-allowed-exception.js";
export { NetworkError } from "./errors/network-error.js";
export { NotFoundException } from "./errors/not-found-exception.js";
export { PayloadTooLargeException } from "./errors/payload-too-large-exception.js";
export type { RequestSnapshot, ResponseSnapshot } from "./errors/pinpoint-service-exception.js";
export { PinpointServiceException } from "./errors/pinpoint-service-exception.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { TooManyRequestsException } from "./errors/too-many-requests-exception.js";
export type { JourneyRunsErrorByName, ServiceErrorByType } from "./errors/type-guards.js";
export { isJourneyRunsError, isPinpointServiceException } from "./errors/type-guards.js";
export type { JourneyRunsFetchClient } from "./fetch-client.js";
export { createJourneyRunsFetchClient } from "./fetch-client.js";
export type { GetJourneyRunsInput } from "./input.js";
export type { CallOptions, FetchFunction, JourneyRunsClientOptions, RetryEvent } from "./options.js";
export type { RetryOptions } from "./retry/options.js";
