import type { IncomingHttpHeaders } from "node:http";

// CORS is an extra of the fake: the contract does not describe it and Pinpoint's behaviour is not claimed here.
// It lets a web page on another origin (the viewer on its dev server) call journey-runs-mock.

const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "prefer",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "x-amz-user-agent",
  "amz-sdk-invocation-id",
  "amz-sdk-request",
].join(", ");
const EXPOSED_HEADERS = "x-amzn-RequestId, X-Amzn-ErrorType";

/** Whether a request is a CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`). */
export function isPreflight(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return method === "OPTIONS" && headers.origin !== undefined && headers["access-control-request-method"] !== undefined;
}

/** The answer headers of a preflight: any origin, GET, and the headers an AWS SDK sends (or those the browser asks). */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": headers.origin ?? "*",
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": headers["access-control-request-headers"] ?? ALLOWED_HEADERS,
    "Access-Control-Max-Age": "600",
    Vary: "Origin, Access-Control-Request-Headers",
  };
}

/** Headers that let a page on `origin` read the response and its AWS headers; none without an `Origin`. */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  if (headers.origin === undefined) return {};
  return {
    "Access-Control-Allow-Origin": headers.origin,
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
    Vary: "Origin",
  };
}
