/**
 * Percent-encodes `value` as AWS does for URI labels, query strings and SigV4: every UTF-8 byte outside the RFC 3986
 * unreserved characters (`A-Z a-z 0-9 - . _ ~`), `!'()*` included, which `encodeURIComponent` leaves alone.
 * Throws `URIError` for a string that is not well-formed Unicode (a lone surrogate).
 */
export const awsEncode = (value: string): string =>
  // Most ids are unreserved characters only: testing that is cheaper than encoding them.
  /^[\w.~-]*$/.test(value)
    ? value
    : encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Decodes percent-escapes, or returns `value` unchanged when it holds a malformed escape. */
export const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};
