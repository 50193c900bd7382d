import { awsEncode, safeDecode } from "../encode.js";

/**
 * Headers that SigV4 signers never sign, because proxies and browsers add, drop or rewrite them
 * (@smithy/signature-v4 `ALWAYS_UNSIGNABLE_HEADERS`, `proxy-*` and `sec-*`).
 */
const UNSIGNABLE =
  /^(authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/;

/** The last path made canonical, and its canonical URI: a client signs the same journey's path again and again. */
let pathCache: string[] = [];

/**
 * The canonical URI of a path as it goes on the wire: normalized (no empty, `.` or `..` segments, as for every
 * service but S3) and encoded once more, so `%20` on the wire becomes `%2520` ("double encoding").
 */
export const canonicalPath = (path: string): string => {
  if (pathCache[0] !== path) {
    const segments: string[] = [];
    for (const segment of path.split("/")) {
      if (segment === "..") segments.pop();
      else if (segment && segment !== ".") segments.push(awsEncode(segment));
    }
    pathCache = [path, `/${segments.join("/")}${segments[0] && path.endsWith("/") ? "/" : ""}`];
  }
  return pathCache[1] as string;
};

/** The canonical query of a raw query string (no `?`): pairs decoded, encoded the AWS way, sorted by key then value. */
export const canonicalQuery = (query: string): string =>
  query
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      // No `=`: -1 becomes 2^32 - 1, so the whole pair is the key and the value is empty.
      const at = pair.indexOf("=") >>> 0;
      // Key and value joined by NUL, which sorts before any character of an encoded key: sorting these strings sorts
      // by key, then by value ("a" before "a-b", as SigV4 asks).
      return `${awsEncode(safeDecode(pair.slice(0, at)))}\0${awsEncode(safeDecode(pair.slice(at + 1)))}`;
    })
    .sort()
    .join("&")
    .replace(/\0/g, "=");

/**
 * The header names of the last call, as given, and what they give: the names to sign, lowercased and sorted, each
 * with the given name to read its value from, and the `SignedHeaders` list. A client sends the same names with every
 * request, only the values change.
 */
let namesCache: [given: string[], names: [lowercase: string, given: string][], signed: string] = [[], [], ""];

/**
 * The headers to sign: their names lowercased, unsignable ones left out, sorted (give each name once), as the
 * `SignedHeaders` list and as the canonical lines `name:value\n`, values with runs of whitespace and line breaks folded
 * to one space and trimmed.
 */
export const canonicalHeaders = (headers: Record<string, string>): [signed: string, lines: string] => {
  const given = Object.keys(headers);
  const last = namesCache[0];
  // Names as they come from `Object.keys` are interned strings: comparing them one by one is cheap.
  if (!(given.length === last.length && given.every((name, i) => name === last[i]))) {
    const names: Record<string, string> = {};
    // A later spelling of a name wins, as a later value of the same name would in a plain object.
    for (const name of given) names[name.toLowerCase()] = name;
    // Header names are ASCII, so the default order (by UTF-16 code unit) is SigV4's order by code point.
    const signable = Object.keys(names)
      .filter((name) => !UNSIGNABLE.test(name))
      .sort();
    namesCache = [given, signable.map((name): [string, string] => [name, names[name] as string]), signable.join(";")];
  }
  let lines = "";
  for (const [name, from] of namesCache[1]) {
    const value = headers[from] as string;
    // Folding is needed only for values with tabs, line breaks, or spaces in runs or at an end.
    lines += `${name}:${/[\t\r\n]|^ | $| {2}/.test(value) ? value.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "") : value}\n`;
  }
  return [namesCache[2], lines];
};
