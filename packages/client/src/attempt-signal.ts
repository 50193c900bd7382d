import { abortError } from "./errors/abort-error.js";
import type { JourneyRunsError } from "./errors/journey-runs-error.js";
import { TimeoutError } from "./errors/timeout-error.js";

/** What stops one attempt: the caller's signal, and the attempt's time limit when `timeoutMs` is set. */
export interface AttemptSignal {
  /** The signal to give `fetch`: aborts on the caller's abort or at the time limit. */
  readonly signal: AbortSignal | undefined;
  /** Why the attempt was stopped (`AbortError` for the caller's abort, `TimeoutError`), or `undefined`. */
  stopped(): JourneyRunsError | undefined;
  /** `promise`, or a rejection with `stopped()` as soon as the attempt is stopped, whichever comes first. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Clears the timer and removes every listener this attempt added to the caller's signal. */
  close(): void;
}

/**
 * The signal of one attempt. The caller's signal usually outlives many calls (one per page view, per test file), so
 * every listener added to it here is removed, by `close()` (which the attempt calls however it ends) or as soon as
 * the promise it races settles: none is left behind.
 */
export const attemptSignal = (caller: AbortSignal | undefined, timeoutMs: number | undefined): AttemptSignal => {
  // Aborted by the timeout, or by the caller's signal: `stopped()` tells which from `caller.aborted`.
  const limit = timeoutMs ? new AbortController() : undefined;
  const abortLimit = () => limit?.abort();
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (limit) {
    caller?.addEventListener("abort", abortLimit);
    timer = setTimeout(abortLimit, timeoutMs);
  }
  const signal = limit?.signal ?? caller;
  const stopped = (): JourneyRunsError | undefined => {
    if (caller?.aborted) return abortError(caller);
    if (limit?.signal.aborted) {
      return new TimeoutError(`GetJourneyRuns timed out after ${timeoutMs} ms. Raise timeoutMs or check the network.`, {
        retryable: true,
        timeoutMs,
      });
    }
    return undefined;
  };
  const race = <T>(promise: Promise<T>): Promise<T> => {
    if (!signal) return promise;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(stopped());
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      promise.finally(() => signal.removeEventListener("abort", onAbort)).then(resolve, reject);
    });
  };
  const close = () => {
    clearTimeout(timer);
    caller?.removeEventListener("abort", abortLimit);
  };
  return { signal, stopped, race, close };
};
