/** What replaces a secret in errors. */
export const REDACTED = "[redacted]";

/**
 * `text` with every occurrence of `secrets` (secret key, session token, signature) and every 64-digit hex string
 * (a signature a server may echo back: "the signature should have been ...") replaced by `[redacted]`.
 */
export const redact = (text: string, secrets: readonly string[]): string =>
  secrets
    .reduce((out, secret) => (secret ? out.split(secret).join(REDACTED) : out), text)
    .replace(/\b[\da-f]{64}\b/gi, REDACTED);

/** Headers as a plain object: `authorization` and `x-amz-security-token` redacted, other values through `redact`. */
export const redactHeaders = (
  headers: Headers | Record<string, string>,
  secrets: readonly string[],
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of headers instanceof Headers ? headers : Object.entries(headers)) {
    out[name] = /^(authorization|x-amz-security-token)$/i.test(name) ? REDACTED : redact(value, secrets);
  }
  return out;
};
