import { abortError } from "./errors/abort-error.js";

/**
 * Resolves after `ms` (at most 2^31-1, about 24.8 days: `setTimeout` would cut a longer delay to 1 ms), or rejects with
 * `AbortError` as soon as `signal` aborts. The listener it adds to `signal` is gone when it settles, either way (an
 * aborted signal gets none: it would never fire, and would stay as long as the signal).
 */
export const wait = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
