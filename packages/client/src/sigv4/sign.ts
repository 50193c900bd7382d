import { canSign, hmac, hmacHex, sha256Hex } from "#crypto";
import type { Credentials } from "../credentials.js";
import { invalidInput } from "../errors/invalid-input-error.js";
import { canonicalHeaders, canonicalPath } from "./canonical.js";

/** What SigV4 signs: the request as it goes on the wire, and the signing context. */
export interface SigningInput {
  /** HTTP method, upper case. */
  method: string;
  /** The path as it goes on the wire (already percent-encoded), e.g. `/v1/apps/a%20b/journeys/j/runs`. */
  path: string;
  /** The canonical query: the query as it goes on the wire, without `?`, through `canonicalQuery`; `""` for none. */
  query: string;
  /**
   * The headers to sign, `host` included, each name once in lower case (as `Headers` gives them). To sign the payload
   * hash `x-amz-content-sha256` (S3 needs it, AWS SDK v3 sends it to every service; botocore and this client's calls to
   * Pinpoint do without), give it here.
   */
  headers: Record<string, string>;
  /** The request body; absent for none. */
  body?: string | Uint8Array | undefined;
  credentials: Credentials;
  region: string;
  /** The signing name: `mobiletargeting` for Pinpoint. */
  service: string;
  /** The signing time, in ms since the epoch. */
  time: number;
}

/**
 * The headers that signing adds to the request, and the signature. The canonical request and the string to sign are
 * not returned (bytes of every bundle): tests read them where the signer hashes them (src/sigv4/sign-testsuite.test.ts).
 */
export interface SigningResult {
  /** `x-amz-date`, `x-amz-security-token` (with a session token) and `authorization`. */
  headers: Record<string, string>;
  signature: string;
}

/** The second since the epoch of the last signing time, and that time formatted (`x-amz-date`). */
let dateSecond = Number.NaN;
let amzDate = "";

/** The last signing key derived, by what it depends on: the secret, the day, the Region and the service. */
let keyCache: [id: string, key: Uint8Array] = ["", new Uint8Array()];

/** A value, or a promise of it: node:crypto answers at once, WebCrypto with promises. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * `next(value)`: at once for a plain value, so that signing on Node takes no trip through the microtask queue (each
 * one costs more between two HTTP calls than the hash it waits for); once the promise settles for WebCrypto.
 */
const then = <T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> =>
  value instanceof Promise ? value.then(next) : next(value);

/**
 * Signs a request with AWS Signature Version 4 (header form, `AWS4-HMAC-SHA256`): synchronously with node:crypto,
 * with a promise with WebCrypto (`await` it either way).
 * Proved against the AWS SigV4 test suite (test/fixtures/sigv4-testsuite) and against @smithy/signature-v4.
 */
export const signRequest = (input: SigningInput): MaybePromise<SigningResult> => {
  if (!canSign()) {
    throw invalidInput("credentials", "need crypto.subtle to sign, missing here: use https in browsers, or Node");
  }
  const { credentials: c, region, service } = input;
  // The milliseconds go with the fraction: `20150830T123600Z`. Formatted once a second: between two HTTP calls, with
  // the caches cold, formatting cost as much as two of the hashes.
  const second = Math.floor(input.time / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    amzDate = new Date(input.time).toISOString().replace(/[-:]|\.\d+/g, "");
  }
  const date = amzDate;
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const id = c.secretAccessKey + scope;
  // The empty payload is hashed too rather than kept as a 64-digit constant: a hash of nothing costs about 1 us on
  // Node, the constant 45 bytes of every browser bundle.
  return then(sha256Hex(input.body ?? ""), (payloadHash) => {
    const added: Record<string, string> = { "x-amz-date": date };
    if (c.sessionToken) added["x-amz-security-token"] = c.sessionToken;
    const [signedHeaders, lines] = canonicalHeaders({ ...input.headers, ...added });
    const canonicalRequest = `${input.method}\n${canonicalPath(input.path)}\n${input.query}\n${lines}\n${signedHeaders}\n${payloadHash}`;
    return then(sha256Hex(canonicalRequest), (digest) => {
      const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${digest}`;
      const key =
        keyCache[0] === id
          ? keyCache[1]
          : [region, service, "aws4_request"].reduce<MaybePromise<Uint8Array>>(
              (key, part) => then(key, (bytes) => hmac(bytes, part)),
              hmac(`AWS4${c.secretAccessKey}`, day),
            );
      return then(key, (signingKey) => {
        keyCache = [id, signingKey];
        return then(hmacHex(signingKey, stringToSign), (signature) => {
          added.authorization = `AWS4-HMAC-SHA256 Credential=${c.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
          return { headers: added, signature };
        });
      });
    });
  });
};
