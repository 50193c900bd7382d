// The parts of a SigV4 canonical request, written from the AWS specification ("Create a canonical request for
// Signature Version 4", IAM user guide) for services other than S3. Independent of the client's signer by
// construction: nothing here is shared with packages/client.

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const HEX = "0123456789ABCDEF";
const utf8 = new TextEncoder();

/** URI-encodes as SigV4 asks: every byte of the UTF-8 form except the unreserved characters, as %XX upper case. */
export function uriEncode(value: string): string {
  let out = "";
  for (const char of value) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/**
 * The canonical URI of a raw (once-encoded) path: empty and `.` segments removed, `..` removing the one before
 * (RFC 3986 normalisation, as every AWS service but S3 does), then each segment encoded once more.
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(uriEncode(segment));
  }
  const lead = rawPath.startsWith("/") ? "/" : "";
  const trail = segments.length > 0 && rawPath.endsWith("/") ? "/" : "";
  return `${lead}${segments.join("/")}${trail}`;
}

/**
 * The decoded parameters of a raw query, in order, as `[name, value]` pairs (never an object keyed by name, so that
 * `__proto__` or `constructor` are parameters like any other). Read as URLSearchParams reads it (the fake's parser):
 * empty parts are skipped and `+` is a space, so that what is verified is what the fake reads. `undefined` when a part
 * is not valid percent-encoded UTF-8.
 */
export function queryPairs(rawQuery: string): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  if (rawQuery === "") return pairs;
  try {
    for (const part of rawQuery.split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? "" : part.slice(eq + 1);
      pairs.push([decodeURIComponent(name.replace(/\+/g, " ")), decodeURIComponent(value.replace(/\+/g, " "))]);
    }
  } catch {
    return undefined;
  }
  return pairs;
}

/** The canonical query string: every parameter encoded, sorted by encoded name, then by encoded value. */
export function canonicalQuery(pairs: readonly (readonly [string, string])[]): string {
  const encoded = pairs.map(([name, value]) => [uriEncode(name), uriEncode(value)] as const);
  encoded.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return encoded.map(([name, value]) => `${name}=${value}`).join("&");
}

/** The canonical value of a header: each value with runs of spaces, tabs and line breaks made one space, trimmed, joined by commas. */
export function canonicalHeaderValue(values: readonly string[]): string {
  return values.map((value) => value.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "")).join(",");
}
