import { hmac, hmacHex, sha256Hex } from "#crypto";
import type { Credentials } from "../credentials.js";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./canonical.js";

/** What SigV4 signs: the request as it goes on the wire, and the signing context. */
export interface SigningInput {
  /** HTTP method, upper case. */
  method: string;
  /** The path as it goes on the wire (already percent-encoded), e.g. `/v1/apps/a%20b/journeys/j/runs`. */
  path: string;
  /** The query as it goes on the wire, without `?`; `""` for none. */
  query: string;
  /** The headers to sign, `host` included, each name once in lower case (as `Headers` gives them). */
  headers: Record<string, string>;
  /** The request body; absent for none. */
  body?: string | Uint8Array | undefined;
  credentials: Credentials;
  region: string;
  /** The signing name: `mobiletargeting` for Pinpoint. */
  service: string;
  /** The signing time, in ms since the epoch. */
  time: number;
  /** Leave out `x-amz-content-sha256`, which AWS SDK v3 sends and signs for every service. Default false. */
  noContentSha256?: boolean;
}

/** The headers that signing adds to the request, and the intermediate strings (for tests and debugging). */
export interface SigningResult {
  /** `x-amz-date`, `x-amz-security-token` (with a session token), `x-amz-content-sha256` and `authorization`. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** SHA-256 of an empty payload. */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** The last signing key derived, by what it depends on: the secret, the day, the Region and the service. */
let keyCache: [id: string, key: Uint8Array] = ["", new Uint8Array()];

/** The `x-amz-date` of the last second signed (formatting a date costs more than the rest of the string work). */
let dateCache: [second: number, date: string] = [Number.NaN, ""];

/**
 * Signs a request with AWS Signature Version 4 (header form, `AWS4-HMAC-SHA256`).
 * Proved against the AWS SigV4 test suite (test/fixtures/sigv4-testsuite) and against @smithy/signature-v4.
 */
export const signRequest = async (input: SigningInput): Promise<SigningResult> => {
  const { credentials: c, region, service } = input;
  const second = Math.floor(input.time / 1000);
  if (dateCache[0] !== second) {
    dateCache = [second, new Date(second * 1000).toISOString().replace(/[-:]|\.\d+/g, "")];
  }
  const date = dateCache[1];
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const payloadHash = input.body?.length ? await sha256Hex(input.body) : EMPTY_SHA256;
  const added: Record<string, string> = { "x-amz-date": date };
  if (c.sessionToken) added["x-amz-security-token"] = c.sessionToken;
  if (!input.noContentSha256) added["x-amz-content-sha256"] = payloadHash;
  const [signedHeaders, lines] = canonicalHeaders({ ...input.headers, ...added });
  const canonicalRequest = `${input.method}\n${canonicalPath(input.path)}\n${canonicalQuery(input.query)}\n${lines}\n${signedHeaders}\n${payloadHash}`;
  const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${await sha256Hex(canonicalRequest)}`;
  const id = c.secretAccessKey + scope;
  if (keyCache[0] !== id) {
    let key = await hmac(`AWS4${c.secretAccessKey}`, day);
    for (const part of [region, service, "aws4_request"]) key = await hmac(key, part);
    keyCache = [id, key];
  }
  const signature = await hmacHex(keyCache[1], stringToSign);
  added.authorization = `AWS4-HMAC-SHA256 Credential=${c.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers: added, canonicalRequest, stringToSign, signature };
};
