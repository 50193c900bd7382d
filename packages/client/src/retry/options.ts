import { invalidInput } from "../errors/invalid-input-error.js";

/** How the client retries, as the AWS SDKs' standard mode (numbers from smithy-typescript and botocore). */
export interface RetryOptions {
  /** Attempts per call, the first included. Default 3; 1 means no retry. */
  maxAttempts?: number | undefined;
  /** Base of the full-jitter backoff for transient errors, in ms. Default 100. */
  baseDelayMs?: number | undefined;
  /** Base of the full-jitter backoff for throttling errors, in ms. Default 500. */
  throttlingBaseDelayMs?: number | undefined;
  /** Cap of one backoff, in ms. Default 20,000. */
  maxDelayMs?: number | undefined;
  /** Size of the retry quota shared by the client's calls: 500 tokens, or `false` for no quota. */
  quota?: number | false | undefined;
  /** The random source of the jitter, in `[0, 1)`. Default `Math.random`. */
  random?: (() => number) | undefined;
}

/** Retry options with every default filled in. */
export type ResolvedRetryOptions = { [K in keyof RetryOptions]-?: Exclude<RetryOptions[K], undefined> };

const DEFAULTS: ResolvedRetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  quota: 500,
  random: Math.random,
};

/** Checks the `retry` option and fills in the AWS defaults; `false` is a single attempt. */
export const resolveRetryOptions = (retry: RetryOptions | false | undefined): ResolvedRetryOptions => {
  const options: Record<string, unknown> = { ...DEFAULTS, ...(retry === false ? { maxAttempts: 1 } : retry) };
  for (const name in options) {
    options[name] ??= DEFAULTS[name as keyof RetryOptions];
    const value = options[name];
    // `true` when the value is right, else what it must be.
    const want =
      name === "random"
        ? typeof value === "function" || "a function"
        : name === "maxAttempts"
          ? (Number.isInteger(value) && (value as number) >= 1) || "an integer >= 1"
          : (name === "quota" && value === false) ||
            (Number.isFinite(value) && (value as number) >= 0) ||
            "a finite number >= 0";
    if (want !== true || !(name in DEFAULTS)) {
      throw invalidInput(`options.retry.${name}`, name in DEFAULTS ? `must be ${want}` : "is not a retry option");
    }
  }
  return options as ResolvedRetryOptions;
};
