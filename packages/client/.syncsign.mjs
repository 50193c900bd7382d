import { hmac, hmacHex, sha256Hex } from "./dist/crypto/node.js";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./dist/sigv4/canonical.js";

/** SHA-256 of an empty payload. */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** The last signing key derived, by what it depends on: the secret, the day, the Region and the service. */
let keyCache = ["", new Uint8Array()];
/**
 * Signs a request with AWS Signature Version 4 (header form, `AWS4-HMAC-SHA256`).
 * Proved against the AWS SigV4 test suite (test/fixtures/sigv4-testsuite) and against @smithy/signature-v4.
 */
export const signRequest = (input) => {
  const { credentials: c, region, service } = input;
  const date = new Date(input.time).toISOString().replace(/[-:]|\.\d+/g, "");
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const payloadHash = input.body?.length ? sha256Hex(input.body) : EMPTY_SHA256;
  const added = { "x-amz-date": date };
  if (c.sessionToken) added["x-amz-security-token"] = c.sessionToken;
  if (!input.noContentSha256) added["x-amz-content-sha256"] = payloadHash;
  const headers = canonicalHeaders({ ...input.headers, ...added });
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalRequest = [
    input.method,
    canonicalPath(input.path),
    canonicalQuery(input.query),
    ...headers.map((header) => header.join(":")),
    "",
    signedHeaders,
    payloadHash,
  ].join("\n");
  const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const id = c.secretAccessKey + scope;
  if (keyCache[0] !== id) {
    let key = hmac(`AWS4${c.secretAccessKey}`, day);
    for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
    keyCache = [id, key];
  }
  const signature = hmacHex(keyCache[1], stringToSign);
  added.authorization = `AWS4-HMAC-SHA256 Credential=${c.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers: added, canonicalRequest, stringToSign, signature };
};
//# sourceMappingURL=sign.js.map
