import { awsEncode, safeDecode } from "../encode.js";

/**
 * Headers that SigV4 signers never sign, because proxies and browsers add, drop or rewrite them
 * (@smithy/signature-v4 `ALWAYS_UNSIGNABLE_HEADERS`, `proxy-*` and `sec-*`).
 */
const UNSIGNABLE =
  /^(authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/;

/** Orders by code point, as SigV4 asks (not `localeCompare`). */
const byCodePoint = ([a = ""]: string[], [b = ""]: string[]): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical URI of a path as it goes on the wire: normalized (no empty, `.` or `..` segments, as for every
 * service but S3) and encoded once more, so `%20` on the wire becomes `%2520` ("double encoding").
 */
export const canonicalPath = (path: string): string => {
  // Fast path: segments of unreserved characters and escapes only (what the client sends), none empty, "." or "..":
  // encoding once more only turns each "%" into "%25".
  if (/^(\/(?!\.\.?(\/|$))[\w.~%-]+)+$/.test(path)) return path.replace(/%/g, "%25");
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment && segment !== ".") segments.push(awsEncode(segment));
  }
  return `/${segments.join("/")}${segments[0] && path.endsWith("/") ? "/" : ""}`;
};

/** The canonical query of a raw query string (no `?`): pairs decoded, encoded the AWS way, sorted by key then value. */
export const canonicalQuery = (query: string): string =>
  query
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      // No `=`: -1 becomes 2^32 - 1, so the whole pair is the key and the value is empty.
      const at = pair.indexOf("=") >>> 0;
      return [pair.slice(0, at), pair.slice(at + 1)].map((part) => awsEncode(safeDecode(part)));
    })
    .sort((a, b) => byCodePoint(a, b) || byCodePoint(a.slice(1), b.slice(1)))
    .map((pair) => pair.join("="))
    .join("&");

/**
 * The headers to sign, as sorted `name:value` lines: names lowercased (give each name once), values with runs of
 * whitespace and line breaks folded to one space and trimmed; unsignable headers left out.
 */
export const canonicalHeaders = (headers: Record<string, string>): string[][] =>
  Object.entries(headers)
    .map(([name, value]) => [
      name.toLowerCase(),
      // Folding is needed only for values with tabs, line breaks, or spaces in runs or at an end.
      /[\t\r\n]|^ | $| {2}/.test(value) ? value.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "") : value,
    ])
    .filter(([name]) => !UNSIGNABLE.test(name as string))
    .sort(byCodePoint);
