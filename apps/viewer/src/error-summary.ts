/** What the page shows of a failed request: the AWS error type, its request id and whether trying again may help. */
export interface ErrorSummary {
  /** AWS error type (`NotFoundException`, ...) or the name of a local error (`TypeError` for a network failure). */
  readonly type: string;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly status?: number | undefined;
  /** True when the same request may succeed later (throttling, server faults, network failures). */
  readonly retryable: boolean;
  /** True for throttling (`TooManyRequestsException`, HTTP 429). */
  readonly throttling: boolean;
}

function readString(source: object, key: string): string | undefined {
  const value = (source as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function readNumber(source: object, key: string): number | undefined {
  const value = (source as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Reduces anything a request may throw to what the page shows. It reads the fields of `@journey-runs/client`'s
 * service exceptions (`errorType`, `serviceMessage`, `requestId`, `status`, `retryable`) by name, so that errors from another realm
 * (a test runner, an iframe) are described as well as local ones.
 *
 * @example
 * describeError(new TypeError("Failed to fetch")).type; // "TypeError"
 */
export function describeError(error: unknown): ErrorSummary {
  if (typeof error !== "object" || error === null) {
    return { type: "Error", message: String(error), retryable: false, throttling: false };
  }
  const status = readNumber(error, "status") ?? readNumber(error, "statusCode");
  const type = readString(error, "errorType") ?? readString(error, "name") ?? "Error";
  const message =
    readString(error, "serviceMessage") ?? readString(error, "message") ?? "The request failed without a message.";
  const requestId = readString(error, "requestId");
  const throttling = type === "TooManyRequestsException" || status === 429;
  const flagged = (error as Record<string, unknown>).retryable;
  const retryable =
    typeof flagged === "boolean"
      ? flagged
      : throttling || (status !== undefined && status >= 500) || isNetworkFailure(type);
  return { type, message, requestId, status, retryable, throttling };
}

function isNetworkFailure(type: string): boolean {
  return type === "TypeError" || type === "NetworkError" || type === "TimeoutError";
}

/** True when an error only says that the page itself cancelled the request (a newer request replaced it). */
export function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
