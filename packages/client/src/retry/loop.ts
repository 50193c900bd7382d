import { abortError } from "../errors/abort-error.js";
import type { RetryKind } from "../errors/create-service-error.js";
import type { JourneyRunsError } from "../errors/journey-runs-error.js";
import type { RetryEvent } from "../options.js";
import { wait } from "../wait.js";
import { backoffDelay } from "./backoff.js";
import type { ResolvedRetryOptions } from "./options.js";
import type { RetryQuota } from "./quota.js";

/** One attempt's outcome as the loop reads it: a result, or an error that may be retried. */
export type Outcome<T> =
  | { readonly ok: true; readonly result: T }
  | {
      readonly ok: false;
      readonly error: JourneyRunsError;
      readonly kind: Exclude<RetryKind, undefined>;
      /** The server's hint, in ms from now: it can lengthen the wait (`backoffDelay`). */
      readonly retryAfterMs?: number | undefined;
    };

/** What the loop of one client needs: its retry options, its quota (shared by its calls) and `onRetry`. */
export interface RetryPolicy {
  readonly options: ResolvedRetryOptions;
  readonly quota: RetryQuota;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}

/**
 * Calls `attempt(1)`, `attempt(2)`, ... as AWS standard mode retries: a failed attempt is tried again while attempts
 * are left and the quota pays for it, after a full-jitter backoff wait that the caller's `signal` can cut short
 * (`AbortError`). What an attempt throws ends the call at once. A success gives the quota back what its retry took.
 */
export const retryLoop = async <T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: (attempt: number) => Promise<Outcome<T>>,
): Promise<T> => {
  const { options, quota, onRetry } = policy;
  /** What the quota gave for the retry under way; `undefined` on the first attempt. */
  let retryCost: number | undefined;
  for (let number = 1; ; number++) {
    if (signal?.aborted) throw abortError(signal);
    const outcome = await attempt(number);
    if (outcome.ok) {
      quota.success(retryCost);
      return outcome.result;
    }
    retryCost = number < options.maxAttempts ? quota.take(outcome.kind) : undefined;
    if (retryCost === undefined) throw outcome.error;
    const delayMs = backoffDelay(options, outcome.kind, number - 1, outcome.retryAfterMs);
    onRetry?.({ attempt: number, maxAttempts: options.maxAttempts, delayMs, error: outcome.error });
    // No timer for a wait of 0 (`retry: { random: () => 0 }` in tests): fake timers cannot hold the call.
    if (delayMs > 0) await wait(delayMs, signal);
  }
};
