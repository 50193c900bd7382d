import { NetworkError } from "./errors/network-error.js";
import { redact } from "./errors/redact.js";

/**
 * What fetch threw, as a `NetworkError`. Retryable when its `cause` chain has the code of a lost or refused connection
 * (the codes AWS SDKs retry, undici's socket errors and timeouts), or, with no code at all, when it is a `TypeError`
 * (how browsers report a failed connection). Any other code is deterministic (undici's
 * `UND_ERR_HEADERS_OVERFLOW`, a TLS certificate error, ...): the same request would fail again, so it is not retried. Its `cause` is a summary (name, message, code) with secrets redacted, never the thrown value: errors of
 * custom fetch functions may carry the signed request.
 */
export const toNetworkError = (error: unknown, origin: string, secrets: readonly string[]): NetworkError => {
  let code: unknown;
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    code = e.code ?? code;
    e = e.cause as typeof e;
  }
  const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
  const cause = { name, message: redact(message, secrets), code };
  const retryable = code
    ? /^(ECONN(RESET|REFUSED)|EPIPE|ETIMEDOUT|E(HOST|NET)UNREACH|ENOTFOUND|EAI_AGAIN|UND_ERR_(SOCKET|(CONNECT|HEADERS|BODY)_TIMEOUT))$/.test(
        `${code}`,
      )
    : error instanceof TypeError;
  return new NetworkError(
    `GetJourneyRuns could not reach ${origin}: ${name}: ${cause.message}${code ? ` (${code})` : ""}. Check the endpoint, the network and, in browsers, CORS.`,
    { retryable },
    cause,
  );
};
