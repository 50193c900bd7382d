import type { JourneyRunsErrorType } from "@journey-runs/types";
import { BadRequestException } from "./bad-request-exception.js";
import { ForbiddenException } from "./forbidden-exception.js";
import { InternalServerErrorException } from "./internal-server-error-exception.js";
import { MethodNotAllowedException } from "./method-not-allowed-exception.js";
import { NotFoundException } from "./not-found-exception.js";
import { PayloadTooLargeException } from "./payload-too-large-exception.js";
import { PinpointServiceException, type RequestSnapshot, type ResponseSnapshot } from "./pinpoint-service-exception.js";
import { TooManyRequestsException } from "./too-many-requests-exception.js";

/**
 * The class of each documented error type, and what to do about it (said in the message). `satisfies` makes a type
 * that the contract adds or drops (the generated `JourneyRunsErrorType`) a compile error here.
 */
export const SERVICE_ERRORS = {
  BadRequestException: [BadRequestException, "Check pageSize, and pass NextToken back unchanged as token."],
  ForbiddenException: [ForbiddenException, "Check the credentials, the Region and the clock."],
  NotFoundException: [NotFoundException, "Check applicationId, journeyId and the Region."],
  MethodNotAllowedException: [MethodNotAllowedException, "Check the endpoint."],
  PayloadTooLargeException: [PayloadTooLargeException, "Ask for a smaller pageSize."],
  TooManyRequestsException: [TooManyRequestsException, "Make fewer calls, or allow more retries."],
  InternalServerErrorException: [InternalServerErrorException, "Try again later."],
} satisfies Record<JourneyRunsErrorType, [typeof PinpointServiceException, string]>;

/** How AWS standard mode retries an error: only these two kinds are retried. */
export type RetryKind = "throttling" | "transient" | undefined;

/**
 * The AWS error type of a `X-Amzn-ErrorType` header or a body `code`/`__type`, sanitized as restJson1 clients do: the
 * first of comma-separated values, what stands before the first `:`, then what follows the first `#`.
 */
export const sanitizeErrorType = (raw: string): string => {
  const type = raw.split(/[,:]/)[0] as string;
  return type.slice(type.indexOf("#") + 1).trim();
};

/**
 * Reads a non-2xx answer as AWS clients do: its typed error, and how it may be retried. Throttling: status 429 or the
 * throttling codes of smithy-typescript (`TooManyRequestsException`, `ThrottlingException`, `SlowDown`, ...).
 * Transient: status 500, 502, 503 or 504, the timeout codes, or an answer that showed a clock skew (retried once with
 * the corrected clock, as AWS SDKs do).
 */
export const createServiceError = (
  response: ResponseSnapshot,
  request: RequestSnapshot,
  clockSkewCorrected: boolean,
): { error: PinpointServiceException; kind: RetryKind } => {
  let body: Record<string, unknown> = {};
  try {
    body = { ...JSON.parse(response.body) };
  } catch {
    // A body that is not JSON (an HTML page from a proxy) still gives a typed error from the status and headers.
  }
  const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  const { status, headers } = response;
  const errorType =
    sanitizeErrorType(headers["x-amzn-errortype"] ?? text(body.code) ?? text(body.__type) ?? "") || "UnknownError";
  const kind: RetryKind =
    status === 429 ||
    /^((Bandwidth|Request)LimitExceeded|(EC2)?ThrottledException|LimitExceededException|PriorRequestNotComplete|ProvisionedThroughputExceededException|RequestThrottled(Exception)?|SlowDown|Throttling(Exception)?|TooManyRequestsException|TransactionInProgressException)$/.test(
      errorType,
    )
      ? "throttling"
      : /^50[0234]$/.test(`${status}`) ||
          /^(TimeoutError|RequestTimeout(Exception)?)$/.test(errorType) ||
          clockSkewCorrected
        ? "transient"
        : undefined;
  const serviceMessage = text(body.Message) ?? text(body.message) ?? "";
  const requestId =
    text(body.RequestID) ?? headers["x-amzn-requestid"] ?? headers["x-amzn-request-id"] ?? headers["x-amz-request-id"];
  const [ErrorClass, hint]: [typeof PinpointServiceException, string] = Object.hasOwn(SERVICE_ERRORS, errorType)
    ? SERVICE_ERRORS[errorType as JourneyRunsErrorType]
    : [PinpointServiceException, "Check the endpoint and the request."];
  const error = new ErrorClass(
    `GetJourneyRuns failed with ${status} ${errorType}: ${serviceMessage || "(no message)"} (request id ${requestId}). ${hint}`,
    {
      errorType,
      status,
      $fault: status < 500 ? "client" : "server",
      serviceMessage,
      requestId,
      retryable: !!kind,
      response,
      request,
    },
  );
  return { error, kind };
};
