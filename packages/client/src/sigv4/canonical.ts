import { awsEncode, safeDecode } from "../encode.js";

/**
 * Headers that SigV4 signers never sign, because proxies and browsers add, drop or rewrite them
 * (@smithy/signature-v4 `ALWAYS_UNSIGNABLE_HEADERS`, `proxy-*` and `sec-*`).
 */
const UNSIGNABLE =
  /^(authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/;

/**
 * The canonical URI of a path as it goes on the wire: normalized (no empty, `.` or `..` segments, as for every
 * service but S3) and encoded once more, so `%20` on the wire becomes `%2520` ("double encoding").
 */
export const canonicalPath = (path: string): string => {
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
      // No `=`: the whole pair is the key, and the value is empty.
      const at = pair.indexOf("=");
      const key = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? "" : pair.slice(at + 1);
      // Key and value joined by NUL, which sorts before any character of an encoded key: sorting these strings sorts
      // by key, then by value ("a" before "a-b", as SigV4 asks).
      return `${awsEncode(safeDecode(key))}\0${awsEncode(safeDecode(value))}`;
    })
    .sort()
    .join("&")
    .replace(/\0/g, "=");

/**
 * The headers to sign: their names lowercased, unsignable ones left out, sorted (give each name once), as the
 * `SignedHeaders` list and as the canonical lines `name:value\n`, values with runs of whitespace and line breaks folded
 * to one space and trimmed.
 */
export const canonicalHeaders = (headers: Record<string, string>): [signed: string, lines: string] => {
  // Null prototype: a header named `__proto__` is a name like any other.
  const names: Record<string, string> = Object.create(null);
  // A later spelling of a name wins, as a later value of the same name would in a plain object.
  for (const name in headers) names[name.toLowerCase()] = name;
  // Header names are ASCII, so the default order (by UTF-16 code unit) is SigV4's order by code point.
  const signable = Object.keys(names)
    .filter((name) => !UNSIGNABLE.test(name))
    .sort();
  let lines = "";
  for (const name of signable) {
    const value = headers[names[name] as string] as string;
    // Folding is needed only for values with tabs, line breaks, or spaces in runs or at an end.
    lines += `${name}:${/[\t\r\n]|^ | $| {2}/.test(value) ? value.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "") : value}\n`;
  }
  return [signable.join(";"), lines];
};
