import type { JourneyRunsResponse, MessageBody } from "@journey-runs/types";
import { errorTypeOf, type JourneyRunsErrorStatus } from "./contract-rules.js";
import { createRequestId } from "./request-id.js";

/** An HTTP response of the fake, ready for MSW or node:http. Header names are spelled as Pinpoint spells them. */
export interface FakeResponse {
  kind: "response";
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The header that carries the request id, on every response. */
export const REQUEST_ID_HEADER = "x-amzn-RequestId";

/** The header that carries the AWS error type, on every error. */
export const ERROR_TYPE_HEADER = "X-Amzn-ErrorType";

const MAX_MESSAGE = 2048;

/**
 * Builds an AWS restJson1 error as Pinpoint sends it: `{ Message, RequestID }` with the `X-Amzn-ErrorType` and
 * `x-amzn-RequestId` headers, the request id in both places.
 *
 * @example
 * ```ts
 * awsErrorResponse(429, "Too many requests"); // { status: 429, headers: { "X-Amzn-ErrorType": "TooManyRequestsException", ... } }
 * ```
 */
export function awsErrorResponse(
  status: JourneyRunsErrorStatus,
  message: string,
  requestId = createRequestId(),
): FakeResponse {
  const body: MessageBody = { Message: message.slice(0, MAX_MESSAGE), RequestID: requestId };
  return {
    kind: "response",
    status,
    // Literal names (the constants above, spelled out): an object literal of fixed shape, built in one step.
    headers: {
      "Content-Type": "application/json",
      "X-Amzn-ErrorType": errorTypeOf(status),
      "x-amzn-RequestId": requestId,
    } satisfies Record<typeof ERROR_TYPE_HEADER | typeof REQUEST_ID_HEADER | "Content-Type", string>,
    body: JSON.stringify(body),
  };
}

/** Builds the 200 response of GetJourneyRuns for one page (given as data, or as its JSON text). */
export function pageResponse(page: JourneyRunsResponse | string, requestId = createRequestId()): FakeResponse {
  return {
    kind: "response",
    status: 200,
    headers: { "Content-Type": "application/json", "x-amzn-RequestId": requestId } satisfies Record<
      typeof REQUEST_ID_HEADER | "Content-Type",
      string
    >,
    body: typeof page === "string" ? page : JSON.stringify(page),
  };
}

/** Shortens a caller's value before a message quotes it, so that messages stay short and within the contract's limit. */
export function quote(value: string, max = 64): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}...` : value);
}
