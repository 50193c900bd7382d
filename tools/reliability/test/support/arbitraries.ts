import fc from "fast-check";

/** The official example ids (from the contract), which the mock's store always holds. */
export const EXAMPLE = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
} as const;

/** Characters that URL parsers, routers and signers treat specially. */
const RESERVED = [..."!#$&'()*+,/:;=?@[]%. ~-_\"<>\\^`{|}\t"];

/**
 * Ids that a caller can send: any well-formed Unicode of 1 to 256 characters except `.` and `..` (unicode, astral,
 * reserved characters, percent signs, spaces, long hex ids).
 */
export const sendableId: fc.Arbitrary<string> = fc
  .oneof(
    fc.stringMatching(/^[0-9a-f]{32}$/),
    fc.string({ unit: "binary", minLength: 1, maxLength: 24 }),
    fc.string({ unit: fc.constantFrom(...RESERVED), minLength: 1, maxLength: 12 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
    fc.string({ unit: fc.constantFrom("a", "/", ".", "%", "é", "😀"), minLength: 200, maxLength: 256 }),
  )
  .filter((id) => id.length <= 256 && id !== "." && id !== "..");

/** Percent-encodes as AWS does (every byte outside the RFC 3986 unreserved characters). */
export const awsEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A raw path label: well encoded, raw printable ASCII, or a broken or tricky escape. */
export const rawLabel: fc.Arbitrary<string> = fc.oneof(
  sendableId.map(awsEncode),
  fc.stringMatching(/^[\x21-\x2e\x30-\x7e]{1,20}$/),
  fc.constantFrom("%", "%zz", "%2F", "%2f", "%00", "%C0%AF", "%ED%A0%80", "%FF", "..", ".", "%2e%2e", "%2E", "a%"),
  fc.constantFrom(EXAMPLE.applicationId, EXAMPLE.journeyId),
  fc.constant("x".repeat(300)),
);

/** Request paths: the runs path with random labels, near misses of it, and any other path. */
export const rawPath: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(rawLabel, rawLabel).map(([a, j]) => `/v1/apps/${a}/journeys/${j}/runs`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(EXAMPLE.applicationId, "", "a/b", "../x", "."),
        fc.constantFrom("/runs", "/runs/", "/runs/extra", "//runs", "/RUNS", "/runs/..", "/runs%2F", "/runs;x"),
        fc.constantFrom("/v1/apps/", "/V1/apps/", "//v1/apps/", "/v1//apps/", "/v2/apps/", "/v1/apps/../apps/"),
      )
      .map(([a, tail, head]) => `${head}${a}/journeys/${EXAMPLE.journeyId}${tail}`),
  },
  { weight: 1, arbitrary: fc.webPath().map((p) => (p.startsWith("/") ? p : `/${p}`)) },
  { weight: 1, arbitrary: fc.constantFrom("/", "*", "/v1", "/v1/apps", "/favicon.ico", "/%", "/%00") },
);

/** `page-size` values: in range, out of range, not numbers, odd spellings. */
export const pageSizeValue: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 205 }).map(String),
  fc.constantFrom("", "1.5", "1e2", "0x10", " 7", "+5", "07", "99999999999999999999", "NaN", "Infinity", "٣"),
  fc.string({ maxLength: 8 }),
);

/** A query string of random `page-size`, `token` and other parameters; `tokens` are valid tokens to mix in. */
export const rawQuery = (tokens: readonly string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        pageSizeValue.map((v) => `page-size=${awsEncode(v)}`),
        fc
          .oneof(
            fc.constantFrom(...tokens),
            fc.constantFrom(...tokens).map((t) => `${t.slice(0, -2)}AA`),
            fc.string({ maxLength: 64 }),
            fc.constant("t".repeat(1025)),
            fc.constant(""),
          )
          .map((v) => `token=${awsEncode(v)}`),
        fc
          .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
          .map(([k, v]) => `${awsEncode(k)}=${awsEncode(v)}`),
        fc.constantFrom("page-size", "token", "%zz=1", "page-size=%", "&&", "="),
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join("&"));

/** `Prefer` header values: documented codes, undocumented ones, garbage. */
export const preferValue: fc.Arbitrary<string | undefined> = fc.option(
  fc.oneof(
    fc.constantFrom(200, 400, 403, 404, 405, 413, 429, 500, 201, 302, 502, 999).map((c) => `code=${c}`),
    fc.constantFrom("code=", "code=abc", "code=429, wait=1", "respond-async; code=404", "code=4%30%34"),
    fc.stringMatching(/^[\x20-\x7e]{0,30}$/),
  ),
  { nil: undefined },
);

/** Methods that fetch and node:http can both send. */
export const method: fc.Arbitrary<string> = fc.constantFrom(
  "GET",
  "GET",
  "GET",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "HEAD",
  "OPTIONS",
);

/** Whether a `Prefer` header asked for the 500 the contract documents (the only planned 500). */
export const asksFor500 = (prefer: string | undefined): boolean =>
  /(?:^|[,;]\s*)code=500(?![^,;\s])/.test(prefer ?? "");

/** Other request headers a client may send: odd Accept, Origin (CORS), content types, a forged signature. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom("application/json", "text/html", "*/*", "application/xml", ""),
    origin: fc.constantFrom("http://localhost:5173", "null", "https://evil.example"),
    "content-type": fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x"),
    "x-amz-date": fc.constantFrom("20260101T000000Z", "yesterday", ""),
    authorization: fc.constantFrom(
      "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=" +
        "0".repeat(64),
      "Bearer abc",
      "AWS4-HMAC-SHA256",
    ),
    "x-forwarded-for": fc.constantFrom("10.0.0.1", "::1"),
  },
  { requiredKeys: [] },
);
