import type { Credentials, CredentialsProvider } from "./credentials.js";
import type { JourneyRunsError } from "./errors/journey-runs-error.js";
import type { RetryOptions } from "./retry/options.js";

/** A `fetch` the client can call: the global one, or a mock, a proxy-aware or an instrumented one. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** What `onRetry` receives before the client waits to try a call again. */
export interface RetryEvent {
  /** The attempt that failed, from 1; the next one is `attempt + 1`. */
  readonly attempt: number;
  /** The most attempts this call makes. */
  readonly maxAttempts: number;
  /** How long the client waits before the next attempt, in ms. */
  readonly delayMs: number;
  /** Why the attempt failed: a throttling or server error, a timeout or a lost connection. */
  readonly error: JourneyRunsError;
}

/** Options of `createJourneyRunsClient`. Each may be `undefined`, as if left out (`region: process.env.AWS_REGION`). */
export interface JourneyRunsClientOptions {
  /** The AWS Region, e.g. `us-east-1`: the endpoint is then `https://pinpoint.{region}.amazonaws.com`. Required to sign. */
  region?: string | undefined;
  /** Overrides the endpoint: the mock (`http://127.0.0.1:4010`), a proxy, a compatible service. May carry a path prefix. */
  endpoint?: string | URL | undefined;
  /**
   * Static credentials, or an AWS SDK v3 credential provider (`fromCognitoIdentityPool(...)`,
   * `fromNodeProviderChain()`), cached until 5 minutes before `expiration`. Without credentials, requests go unsigned.
   */
  credentials?: Credentials | CredentialsProvider | undefined;
  /** The `fetch` to send requests with. Default: the global `fetch`, looked up at each call (so MSW can patch it). */
  fetch?: FetchFunction | undefined;
  /** Retries as AWS standard mode (3 attempts, full-jitter backoff, retry quota), or `false` for a single attempt. */
  retry?: RetryOptions | false | undefined;
  /** Time limit of one attempt (request and body), in ms; a timed-out attempt is retried. Default: none. */
  timeoutMs?: number | undefined;
  /** Called before each backoff wait, e.g. to show "throttled, retrying in 480 ms". It must not throw. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call: the request in flight, or the backoff wait, at once. */
  signal?: AbortSignal | undefined;
}
