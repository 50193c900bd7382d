import { abortError } from "./errors/abort-error.js";

/**
 * Resolves after `ms` (at most 2^31-1, about 24.8 days: `setTimeout` would cut a longer delay to 1 ms), or rejects with
 * `AbortError` as soon as `signal` aborts.
 */
export const wait = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
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
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
