import { uuid } from "#crypto";
import { createAttempt, type OutgoingRequest } from "./attempt.js";
import { credentialsResolver } from "./credentials.js";
import { invalidInput } from "./errors/invalid-input-error.js";
import type { JourneyRunsClientOptions } from "./options.js";
import type { PipelineResult } from "./read-answer.js";
import { retryLoop } from "./retry/loop.js";
import { resolveRetryOptions } from "./retry/options.js";
import { createRetryQuota } from "./retry/quota.js";
import { createSkewClock } from "./skew-clock.js";

/**
 * Sends a request to `url`, a URL of the endpoint as it goes on the wire (serialized as `URL` does, which is what
 * openapi-fetch's `createFinalURL` gives with this package's serializers): signs each attempt, times it out, reads typed
 * errors, retries as AWS standard mode.
 */
export type Send = (
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  signal: AbortSignal | undefined,
  /**
   * Makes the query of `url` canonical for SigV4 (`canonicalQuery`); left out when it is canonical already, as the
   * queries `getJourneyRuns` builds are (so that apps that do not use the fetch client do not bundle it).
   */
  canonicalize?: (query: string) => string,
) => Promise<PipelineResult>;

/** The pipeline every call of a client goes through, and the base URL of its requests (no trailing `/`). */
export interface Pipeline {
  readonly send: Send;
  readonly baseUrl: string;
}

/** Checks the options and builds the pipeline every call goes through. */
export const createPipeline = (options: JourneyRunsClientOptions): Pipeline => {
  const { region, endpoint, timeoutMs, onRetry } = options ?? {};
  if (region !== undefined && !(typeof region === "string" && /^[a-z\d]+(-[a-z\d]+)*$/.test(region))) {
    throw invalidInput("options.region", 'must be an AWS Region such as "us-east-1"');
  }
  if (!(region ?? endpoint)) {
    throw invalidInput("options.region", 'or options.endpoint is required, e.g. region: "us-east-1"');
  }
  let base: URL | undefined;
  try {
    base = new URL(endpoint ?? `https://pinpoint.${region}.amazonaws.com`);
  } catch {
    // Not a URL: the check below says what is wanted.
  }
  if (!(base && /^https?:$/.test(base.protocol) && !(base.search + base.hash + base.username + base.password))) {
    throw invalidInput(
      "options.endpoint",
      "must be an http(s) URL without query or fragment, e.g. http://127.0.0.1:4010",
    );
  }
  // setTimeout cuts a delay above 2^31-1 ms (about 24.8 days) to 1 ms: such a limit would time out every attempt.
  if (!(timeoutMs === undefined || (typeof timeoutMs === "number" && timeoutMs > 0 && timeoutMs <= 2_147_483_647))) {
    throw invalidInput("options.timeoutMs", "must be from 1 to 2147483647 ms (24.8 days); leave it out for no limit");
  }
  const retry = resolveRetryOptions(options.retry);
  const policy = { options: retry, quota: createRetryQuota(retry.quota), onRetry };
  const clock = createSkewClock();
  if (options.credentials !== undefined && region === undefined) {
    throw invalidInput("options.region", "is required to sign requests");
  }
  const attempt = createAttempt({
    origin: base.origin,
    host: base.host,
    region,
    timeoutMs,
    fetch: options.fetch,
    credentials: options.credentials === undefined ? undefined : credentialsResolver(options.credentials, clock.now),
    clock,
  });

  const send: Send = (method, url, headers, body, signal, canonicalize = (query) => query) => {
    const request: OutgoingRequest = { method, url, body, canonicalize };
    // One id for all the attempts of a call, and each attempt's number: what AWS SDKs send, for the service's logs.
    const invocationId = uuid();
    return retryLoop(policy, signal, (number) =>
      attempt(
        request,
        {
          ...headers,
          "amz-sdk-invocation-id": invocationId,
          "amz-sdk-request": `attempt=${number}; max=${retry.maxAttempts}`,
        },
        signal,
      ),
    );
  };

  return { send, baseUrl: base.href.replace(/\/+$/, "") };
};
