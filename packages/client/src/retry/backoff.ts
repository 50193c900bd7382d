import type { RetryKind } from "../errors/create-service-error.js";
import type { ResolvedRetryOptions } from "./options.js";

/**
 * The wait before retry `retry` (0 for the first retry): full jitter, `random() * min(base * 2^retry, cap)`, with the
 * throttling base for throttling errors; a server hint `hintMs` raises it to `min(hint, delay + 5 s)`.
 */
export const backoffDelay = (
  options: ResolvedRetryOptions,
  kind: RetryKind,
  retry: number,
  hintMs: number | undefined,
): number => {
  const delay = Math.floor(
    options.random() *
      Math.min(
        (kind === "throttling" ? options.throttlingBaseDelayMs : options.baseDelayMs) * 2 ** retry,
        options.maxDelayMs,
      ),
  );
  return Math.max(delay, Math.min(hintMs ?? 0, delay + 5_000));
};

/**
 * The server's hint in ms from `now`: `Retry-After` (seconds, or an HTTP date) first, then `x-amz-retry-after` (ms).
 * A value that does not parse is ignored, as AWS SDKs ignore it.
 */
export const retryAfterHint = (headers: Readonly<Record<string, string>>, now: number): number | undefined => {
  const number = (value = "") => (/^\s*\d+(\.\d+)?\s*$/.test(value) ? +value : Number.NaN);
  const retryAfter = headers["retry-after"];
  let hint = number(retryAfter) * 1000;
  if (Number.isNaN(hint) && retryAfter) hint = Date.parse(retryAfter) - now;
  if (Number.isNaN(hint)) hint = number(headers["x-amz-retry-after"]);
  return Number.isNaN(hint) ? undefined : hint;
};
