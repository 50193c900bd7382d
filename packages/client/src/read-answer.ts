import { createServiceError } from "./errors/create-service-error.js";
import { invalidResponse } from "./errors/invalid-response-error.js";
import type { RequestSnapshot, ResponseSnapshot } from "./errors/pinpoint-service-exception.js";
import { redact, redactHeaders } from "./errors/redact.js";
import { retryAfterHint } from "./retry/backoff.js";
import type { Outcome } from "./retry/loop.js";
import type { SkewClock } from "./skew-clock.js";

/** A 2xx answer with its body read, and a way to describe it in an error. */
export interface PipelineResult {
  response: Response;
  body: string;
  snapshot: () => ResponseSnapshot;
}

/** One attempt's outcome: the result, or a failure to retry (errors that are never retried are thrown). */
export type AttemptOutcome = Outcome<PipelineResult>;

/**
 * What an answer says: a 2xx is the result; a redirect or a body over the bound is an `InvalidResponseError`
 * (thrown: the same server would answer the same again); any other status is the service's typed error, thrown when
 * AWS standard mode does not retry it. `text` is the body, `undefined` when it was over the bound; `secrets` are
 * redacted from what errors show. `clock` is the signing clock of a signed request, corrected by the answer's `Date`.
 */
export const readAnswer = (
  response: Response,
  text: string | undefined,
  request: { readonly method: string; readonly url: string; readonly headers: Record<string, string> },
  secrets: readonly string[],
  clock: SkewClock | undefined,
): AttemptOutcome => {
  const snapshot = (): ResponseSnapshot => ({
    status: response.status,
    statusText: response.statusText,
    headers: redactHeaders(response.headers as Iterable<[string, string]>, secrets),
    body: redact(text ?? "", secrets),
  });
  const result: PipelineResult = { response, body: text ?? "", snapshot };
  // MAX_BODY_BYTES is 1 MiB (read-body.ts).
  if (text === undefined) throw invalidResponse(result, "is over 1 MiB");
  if (response.ok) return { ok: true, result };
  // A redirect (`opaqueredirect`, status 0, in browsers): the typed error of an answer Pinpoint never sends.
  if (response.status < 400) throw invalidResponse(result, "is a redirect");
  // Only signatures depend on the clock: `Date` is read from signed calls' error answers only (a 2xx is proof enough
  // that the clock is right).
  const skewed = clock?.correct(response.headers.get("date")) ?? false;
  const failure = snapshot();
  const sent: RequestSnapshot = {
    method: request.method,
    url: request.url,
    headers: redactHeaders(Object.entries(request.headers), secrets),
  };
  const { error, kind } = createServiceError(failure, sent, skewed);
  if (kind === undefined) throw error;
  return { ok: false, error, kind, retryAfterMs: retryAfterHint(failure.headers, Date.now()) };
};
