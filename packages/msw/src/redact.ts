// Placeholder written by the server engineer against the name and signature the lead fixed for mswcore's
// redactQuery; when both exist, the merge keeps mswcore's file.

/** The query parameters whose values are credentials, by decoded name in lower case. */
const SECRET_NAMES = new Set(["x-amz-signature", "x-amz-security-token", "x-amz-credential"]);

/** A parameter name decoded far enough to compare: `+` as a space and every %XX of an ASCII byte, leniently. */
function decodedName(raw: string): string {
  return raw
    .replace(/\+/g, " ")
    .replace(/%([0-9a-fA-F]{2})/g, (sequence, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code < 0x80 ? String.fromCharCode(code) : sequence;
    })
    .toLowerCase();
}

/**
 * A raw query (without `?`) with the values of credential parameters (`X-Amz-Signature`, `X-Amz-Security-Token`,
 * `X-Amz-Credential`) replaced by `[redacted]`, whatever the case or percent-encoding of their names.
 *
 * @example
 * ```ts
 * redactQuery("page-size=5&X%2DAmz%2DSignature=abc"); // "page-size=5&X%2DAmz%2DSignature=[redacted]"
 * ```
 */
export function redactQuery(query: string): string {
  if (query === "") return query;
  return query
    .split("&")
    .map((part) => {
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      return eq >= 0 && SECRET_NAMES.has(decodedName(name)) ? `${name}=[redacted]` : part;
    })
    .join("&");
}
