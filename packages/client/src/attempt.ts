import { attemptSignal } from "./attempt-signal.js";
import type { Credentials } from "./credentials.js";
import { JourneyRunsError } from "./errors/journey-runs-error.js";
import type { FetchFunction } from "./options.js";
import { type AttemptOutcome, readAnswer } from "./read-answer.js";
import { readBody } from "./read-body.js";
import { type MaybePromise, type SigningResult, signRequest } from "./sigv4/sign.js";
import type { SkewClock } from "./skew-clock.js";
import { toNetworkError } from "./to-network-error.js";

/** One request as the caller gave it; the retry loop sends it once per attempt. */
export interface OutgoingRequest {
  readonly method: string;
  /** The URL as it goes on the wire, on the endpoint's origin. */
  readonly url: string;
  readonly body: Uint8Array | undefined;
  /** Makes the query of `url` canonical for SigV4. */
  readonly canonicalize: (query: string) => string;
}

/** What every attempt of a client shares. */
export interface AttemptContext {
  /** The endpoint's origin (`url`s start with it) and host (signed). */
  readonly origin: string;
  readonly host: string;
  readonly region: string | undefined;
  readonly timeoutMs: number | undefined;
  /** The caller's `fetch`; the global one, looked up at each attempt (so MSW can patch it), when absent. */
  readonly fetch: FetchFunction | undefined;
  /** Credentials for one signature; requests go unsigned without. */
  readonly credentials: (() => Credentials | Promise<Credentials>) | undefined;
  /** The signing time, corrected by a server's `Date` when the local clock is off. */
  readonly clock: SkewClock;
}

/**
 * Sends `request` once with `headers` (the request's own and the attempt's): signs it, bounds it by `timeoutMs` and
 * the caller's `signal`, reads the answer (at most 1 MiB) and what it says, as the AWS SDKs do. Errors that are never
 * retried are thrown; retryable ones are the outcome.
 */
export type Attempt = (
  request: OutgoingRequest,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
) => Promise<AttemptOutcome>;

/** The attempt of a client. */
export const createAttempt = (context: AttemptContext): Attempt => {
  const { origin, host, region, timeoutMs, credentials, clock } = context;

  /** The SigV4 signature of `request` with `headers` (at once with node:crypto, a promise with WebCrypto). */
  const sign = (
    request: OutgoingRequest,
    headers: Record<string, string>,
    signWith: Credentials,
  ): MaybePromise<SigningResult> => {
    // The path and query that SigV4 signs, read from the URL without parsing it again (`fetch` parses it anyway).
    const pathAndQuery = request.url.slice(origin.length);
    const queryAt = pathAndQuery.indexOf("?");
    return signRequest({
      method: request.method,
      path: queryAt < 0 ? pathAndQuery : pathAndQuery.slice(0, queryAt),
      query: queryAt < 0 ? "" : request.canonicalize(pathAndQuery.slice(queryAt + 1)),
      headers: { ...headers, host },
      body: request.body,
      credentials: signWith,
      region: region as string,
      service: "mobiletargeting",
      time: clock.now(),
    });
  };

  return async (request, headers, signal) => {
    const stop = attemptSignal(signal, timeoutMs);
    /** What errors must never show: the secret key, the session token and the signature. */
    let secrets: string[] = [];
    try {
      if (credentials) {
        // The time limit covers the whole attempt, a credentials provider's answer included. Static or cached
        // credentials come at once: awaiting them would still cost a trip through the microtask queue. A provider's
        // promise races the signal and the timeout: a provider that never answers cannot hold the call.
        let signWith = credentials();
        if (signWith instanceof Promise) signWith = await stop.race(signWith);
        let signed = sign(request, headers, signWith);
        // node:crypto signs synchronously: awaiting a plain value would still cost a trip through the microtask queue.
        if (signed instanceof Promise) signed = await signed;
        Object.assign(headers, signed.headers);
        // `redact` skips an absent session token.
        secrets = [signWith.secretAccessKey, signWith.sessionToken ?? "", signed.signature];
      }
      // A signal that aborted while signing makes fetch reject at once: the catch below reads it.
      let response: Response;
      let text: string | undefined;
      try {
        response = await (context.fetch ?? fetch)(request.url, {
          method: request.method,
          headers,
          body: request.body as BodyInit,
          // Pinpoint never redirects: a 3xx is an error here, and nothing signed goes to another origin.
          redirect: "manual",
          signal: stop.signal as AbortSignal,
        });
        text = await readBody(response);
      } catch (thrown) {
        throw stop.stopped() ?? toNetworkError(thrown, origin, secrets);
      }
      const sent = { method: request.method, url: request.url, headers };
      return readAnswer(response, text, sent, secrets, credentials && clock);
    } catch (thrown) {
      if (thrown instanceof JourneyRunsError && thrown.retryable) {
        return { ok: false, error: thrown, kind: "transient" };
      }
      throw thrown;
    } finally {
      stop.close();
    }
  };
};
