import { uuid } from "#crypto";
import { type Credentials, credentialsResolver } from "./credentials.js";
import { abortError } from "./errors/abort-error.js";
import { createServiceError, type RetryKind } from "./errors/create-service-error.js";
import { invalidInput } from "./errors/invalid-input-error.js";
import { invalidResponse } from "./errors/invalid-response-error.js";
import { JourneyRunsError } from "./errors/journey-runs-error.js";
import type { ResponseSnapshot } from "./errors/pinpoint-service-exception.js";
import { redact, redactHeaders } from "./errors/redact.js";
import { TimeoutError } from "./errors/timeout-error.js";
import type { JourneyRunsClientOptions } from "./options.js";
import { readBody } from "./read-body.js";
import { backoffDelay, retryAfterHint } from "./retry/backoff.js";
import { resolveRetryOptions } from "./retry/options.js";
import { createRetryQuota } from "./retry/quota.js";
import { signRequest } from "./sigv4/sign.js";
import { toNetworkError } from "./to-network-error.js";
import { wait } from "./wait.js";

/** A 2xx answer with its body read, and a way to describe it in an error. */
export interface PipelineResult {
  response: Response;
  body: string;
  snapshot: () => ResponseSnapshot;
}

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

/** Checks the options and builds the pipeline every call goes through, with the base URL of requests. */
export const createPipeline = (options: JourneyRunsClientOptions): [send: Send, baseUrl: string] => {
  const { region, endpoint, timeoutMs, onRetry, fetch: userFetch } = options ?? {};
  let base: URL | undefined;
  try {
    base = new URL(endpoint ?? `https://pinpoint.${region}.amazonaws.com`);
  } catch {}
  if (region !== undefined && !(typeof region === "string" && /^[a-z\d]+(-[a-z\d]+)*$/.test(region))) {
    throw invalidInput("options.region", 'must be an AWS Region such as "us-east-1"');
  }
  if (!(region ?? endpoint))
    throw invalidInput("options.region", 'or options.endpoint is required, e.g. region: "us-east-1"');
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
  const { maxAttempts } = retry;
  const quota = createRetryQuota(retry.quota);
  const { origin, host } = base;
  /** Server time minus local time, once a response's `Date` showed a skew above 5 minutes (as AWS SDKs correct it). */
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  let credentials: (() => Credentials | Promise<Credentials>) | undefined;
  if (options.credentials !== undefined) {
    if (region === undefined) throw invalidInput("options.region", "is required to sign requests");
    credentials = credentialsResolver(options.credentials, now);
  }

  const send: Send = async (method, url, given, body, signal, canonicalize = (query) => query) => {
    const invocationId = uuid();
    let retryCost: number | undefined;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      const headers: Record<string, string> = {
        ...given,
        "amz-sdk-invocation-id": invocationId,
        "amz-sdk-request": `attempt=${attempt}; max=${maxAttempts}`,
      };
      let secrets: string[] = [];
      let error: JourneyRunsError;
      let kind: RetryKind = "transient";
      let hint: number | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Aborted by the timeout, or by the caller's signal: which one is told by `signal.aborted`.
      const controller = timeoutMs ? new AbortController() : undefined;
      const abort = () => controller?.abort();
      /** What ends an attempt that the caller's signal or the timeout stopped; `undefined` if neither did. */
      const stopped = () =>
        signal?.aborted
          ? abortError(signal)
          : controller?.signal.aborted
            ? new TimeoutError(
                `GetJourneyRuns timed out after ${timeoutMs} ms. Raise timeoutMs or check the network.`,
                {
                  retryable: true,
                  timeoutMs,
                },
              )
            : undefined;
      const stop = controller?.signal ?? signal;
      try {
        // The time limit covers the whole attempt, a credentials provider's answer included.
        if (controller) {
          signal?.addEventListener("abort", abort);
          timer = setTimeout(abort, timeoutMs);
        }
        if (credentials) {
          let c = credentials();
          // Static or cached credentials come at once: awaiting them would still cost a trip through the microtask queue.
          // A provider's promise races the signal and the timeout: a provider that never answers cannot hold the call.
          if (c instanceof Promise) {
            c = await (stop
              ? Promise.race([
                  c,
                  new Promise<never>((_, reject) => stop.addEventListener("abort", () => reject(stopped()))),
                ])
              : c);
          }
          // The path and query that SigV4 signs, read from the URL without parsing it again (`fetch` parses it anyway).
          const pathAndQuery = url.slice(origin.length);
          // No `?`: -1 becomes 2^32 - 1, so the whole is the path and the query is empty.
          const at = pathAndQuery.indexOf("?") >>> 0;
          let signed = signRequest({
            method,
            path: pathAndQuery.slice(0, at),
            query: canonicalize(pathAndQuery.slice(at + 1)),
            headers: { ...headers, host },
            body,
            credentials: c,
            region: region as string,
            service: "mobiletargeting",
            time: now(),
          });
          // node:crypto signs synchronously: awaiting a plain value would still cost a trip through the microtask queue.
          if (signed instanceof Promise) signed = await signed;
          Object.assign(headers, signed.headers);
          // `redact` skips an absent session token.
          secrets = [c.secretAccessKey, c.sessionToken as string, signed.signature];
        }
        // A signal that aborted while signing makes fetch reject at once: the catch below reads it.
        let response: Response;
        let text: string | undefined;
        try {
          response = await (userFetch ?? fetch)(url, {
            method,
            headers,
            body: body as BodyInit,
            // Pinpoint never redirects: a 3xx is an error here, and nothing signed goes to another origin.
            redirect: "manual",
            signal: stop as AbortSignal,
          });
          text = await readBody(response);
        } catch (thrown) {
          throw stopped() ?? toNetworkError(thrown, origin, secrets);
        }
        const snapshot = (): ResponseSnapshot => ({
          status: response.status,
          statusText: response.statusText,
          headers: redactHeaders(response.headers as Iterable<[string, string]>, secrets),
          body: redact(text ?? "", secrets),
        });
        const result = { response, body: text as string, snapshot };
        // Not retried: the same server would send as much again. MAX_BODY_BYTES is 1 MiB (read-body.ts).
        if (text === undefined) throw invalidResponse(result, "is over 1 MiB");
        if (response.ok) {
          quota.success(retryCost);
          return result;
        }
        // A redirect (`opaqueredirect`, status 0, in browsers): the typed error of an answer Pinpoint never sends.
        if (response.status < 400) throw invalidResponse(result, "is a redirect");
        // Only signatures depend on the clock, and AWS accepts no signature more than 15 minutes off: `Date` is read
        // from signed calls' error answers only (a 2xx is proof enough that the clock is right).
        const server = credentials && Date.parse(response.headers.get("date") as string);
        const skewed = !!server && Math.abs(server - now()) > 300_000;
        if (skewed) clockOffset = server - Date.now();
        const failure = snapshot();
        [error, kind] = createServiceError(
          failure,
          { method, url, headers: redactHeaders(Object.entries(headers), secrets) },
          skewed,
        );
        hint = retryAfterHint(failure.headers, Date.now());
      } catch (thrown) {
        if (!(thrown instanceof JourneyRunsError && thrown.retryable)) throw thrown;
        error = thrown;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
      }
      retryCost = kind && attempt < maxAttempts ? quota.take(kind) : undefined;
      if (retryCost === undefined) throw error;
      const delayMs = backoffDelay(retry, kind, attempt - 1, hint);
      onRetry?.({ attempt, maxAttempts, delayMs, error });
      await wait(delayMs, signal);
    }
  };

  return [send, base.href.replace(/\/+$/, "")];
};
