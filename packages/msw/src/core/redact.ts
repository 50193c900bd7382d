/** The query parameters whose values are credentials in presigned AWS requests, by decoded, lower-case name. */
const SECRET_NAMES = new Set(["x-amz-signature", "x-amz-security-token", "x-amz-credential"]);

/** What a redacted value becomes. */
export const REDACTED = "[redacted]";

/** A query that can name no secret parameter: no percent escape, no `+`, no "amz" in any case. */
const PLAIN = /^[^%+]*$/;
const AMZ = /amz/i;

function decodedName(raw: string): string {
  const spaced = raw.replaceAll("+", " ");
  try {
    return decodeURIComponent(spaced).toLowerCase();
  } catch {
    // A malformed escape: decode what can be decoded, byte by byte, so `X%2DAmz-Signature%zz` is still seen.
    return spaced
      .replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .toLowerCase();
  }
}

/**
 * Replaces the values of credential query parameters (`X-Amz-Signature`, `X-Amz-Security-Token`,
 * `X-Amz-Credential`) with `[redacted]`. Names are compared as a server reads them: percent-decoded and
 * case-insensitively, so `X%2DAmz%2DSignature=...` is redacted too. Everything else is kept byte for byte.
 *
 * @example
 * ```ts
 * redactQuery("page-size=5&X-Amz-Signature=abc"); // "page-size=5&X-Amz-Signature=[redacted]"
 * ```
 */
export function redactQuery(query: string): string {
  if (PLAIN.test(query) && !AMZ.test(query)) return query;
  const parts = query.split("&");
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    if (SECRET_NAMES.has(decodedName(name))) {
      parts[i] = `${name}=${REDACTED}`;
      changed = true;
    }
  }
  return changed ? parts.join("&") : query;
}
