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

/**
 * Headers as a plain object with lower-case names (the Fetch standard lowercases them, but some `Headers`, as
 * happy-dom's, keep the case they were given): `authorization` and `x-amz-security-token` redacted, other values
 * through `redact`. Takes `Headers` (any iterable of pairs, so also another realm's) or `Object.entries` of an object.
 */
export const redactHeaders = (
  headers: Iterable<[string, string]>,
  secrets: readonly string[],
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let [name, value] of headers) {
    name = name.toLowerCase();
    out[name] = /^(authorization|x-amz-security-token)$/.test(name) ? REDACTED : redact(value, secrets);
  }
  return out;
};
