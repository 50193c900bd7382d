import {
  type FrontDoorErrorType,
  MISSING_AUTHENTICATION_TOKEN,
  SIGNATURE_MISMATCH,
  UNRECOGNIZED_CLIENT,
} from "./front-door.js";
import { nodeCrypto } from "./node-crypto.js";
import { EMPTY_SHA256 } from "./request-body.js";
import { canonicalHeaderValue, canonicalQuery, canonicalUri, queryPairs } from "./sigv4-canonical.js";

// Read when this module is first imported, which the server does only when verification is on.
const { createHash, createHmac, timingSafeEqual } = nodeCrypto();

/** The access key that requests must be signed with. */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Options of {@link createSigV4Verifier}. */
export interface SigV4VerifierOptions extends SigV4Credentials {
  /** The signing name in the credential scope. Default `mobiletargeting`, Pinpoint's signing name. */
  service?: string | undefined;
  /** How far `X-Amz-Date` may be from now. Default 5 minutes, as API Gateway (Pinpoint's front door) allows. */
  maxSkewMs?: number | undefined;
  /** The time to check `X-Amz-Date` against. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A received request as the verifier needs it: names lowercased, every value of a repeated header kept. */
export interface ReceivedRequest {
  method: string;
  /** The raw path as received (percent-encoded once), without the query. */
  path: string;
  /** The raw query, without `?`. */
  query: string;
  headers: Record<string, string[] | undefined>;
  body?: Uint8Array | undefined;
}

/**
 * A refusal: its message, which never repeats a signature or a secret, and the front door's error type when API
 * Gateway's answer to this failure is known (docs/decisions/0022-front-door.md); without one the server answers the
 * contract's ForbiddenException.
 */
export type SigV4Refusal = { ok: false; message: string; errorType?: FrontDoorErrorType | undefined };

/** The verdict on a request's signature. */
export type SigV4Verdict = { ok: true } | SigV4Refusal;

/** The verdict on everything but the body: a failure, or what is left to check once the body's SHA-256 is known. */
export type SigV4HeadVerdict = SigV4Refusal | { ok: true; complete(bodySha256: string): SigV4Verdict };

/** A SigV4 check in two steps, so that a request is refused before its body is read when its head already fails. */
export interface SigV4Check {
  /** Checks the Authorization header, the key, the scope, the date and the signed headers; reads no body. */
  head(request: Omit<ReceivedRequest, "body">): SigV4HeadVerdict;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** Signing keys of verified requests, by day and Region: filled only after a signature verified, and bounded. */
const KEYS_CACHED = 32;

const fail = (message: string, errorType?: FrontDoorErrorType): SigV4Refusal => ({ ok: false, message, errorType });
const mismatch = (): SigV4Refusal => fail(SIGNATURE_MISMATCH, "InvalidSignatureException");
const sha256Hex = (data: string): string => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();

function parseAmzDate(value: string): number | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 20150231 over to March: such a date is not a date.
  return new Date(time).getUTCDate() === d && mo >= 1 && mo <= 12 && h < 24 && mi < 60 && s < 60 ? time : undefined;
}

const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

/** Whether the names are sorted and distinct, as every signer writes SignedHeaders. */
const strictlyAscending = (names: readonly string[]): boolean =>
  names.every((name, i) => i === 0 || (names[i - 1] as string) < name);

/** The signature checks of a server: the check of its own key, and the check of each tenant's key. */
export interface SigV4Checks {
  /** The check of the server's credentials (requests without isolation). */
  readonly base: SigV4Check;
  /** The check of a tenant's access key id, with the server's secret (isolation: one tenant per key id). */
  forKey(accessKeyId: string): SigV4Check;
}

/** Creates the signature checks of a server started with `credentials` (see {@link SigV4Checks}). */
export function createSigV4Checks(credentials: SigV4Credentials): SigV4Checks {
  return {
    base: createSigV4Check(credentials),
    forKey: (accessKeyId) => createSigV4Check({ accessKeyId, secretAccessKey: credentials.secretAccessKey }),
  };
}

/**
 * Creates a two-step verifier of AWS Signature Version 4 (header form), written on node:crypto from the SigV4
 * specification. The head step checks the access key, the scope, the time (5 minutes either way) and the signed
 * headers without reading a body; the body step compares the signature once the body's SHA-256 is known.
 */
export function createSigV4Check(options: SigV4VerifierOptions): SigV4Check {
  const service = options.service ?? "mobiletargeting";
  const maxSkewMs = options.maxSkewMs ?? 5 * 60_000;
  const window = `${Math.round(maxSkewMs / 60_000)} min.`;
  const now = options.now ?? Date.now;
  const { accessKeyId, secretAccessKey } = options;
  const keys = new Map<string, Buffer>();
  const signingKey = (day: string, region: string): Buffer => {
    const cached = keys.get(`${day}/${region}`);
    if (cached) return cached;
    return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), "aws4_request");
  };
  const remember = (day: string, region: string, key: Buffer): void => {
    const id = `${day}/${region}`;
    if (keys.has(id)) return;
    if (keys.size >= KEYS_CACHED) keys.delete(keys.keys().next().value as string);
    keys.set(id, key);
  };

  return {
    head(request) {
      const values = (name: string): string[] | undefined =>
        Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
      const authorization = values("authorization");
      if (authorization === undefined) {
        return fail(MISSING_AUTHENTICATION_TOKEN, "MissingAuthenticationTokenException");
      }
      const m = authorization.length === 1 ? AUTHORIZATION.exec((authorization[0] as string).trim()) : null;
      if (!m) {
        return fail(
          "Authorization header is malformed: expected AWS4-HMAC-SHA256 Credential=KEY/YYYYMMDD/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=64 hex digits.",
        );
      }
      const [, keyId, day, region, scopeService, signedList, signature] = m as unknown as string[] as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (keyId !== accessKeyId) return fail(UNRECOGNIZED_CLIENT, "UnrecognizedClientException");
      if (scopeService !== service) return fail(`Credential should be scoped to correct service: '${service}'.`);
      const dates = values("x-amz-date");
      const xAmzDate = dates?.length === 1 ? (dates[0] as string) : undefined;
      const signedAt = xAmzDate === undefined ? undefined : parseAmzDate(xAmzDate);
      if (xAmzDate === undefined || signedAt === undefined) {
        return fail("The request needs one X-Amz-Date header in the form YYYYMMDDTHHMMSSZ.");
      }
      if (xAmzDate.slice(0, 8) !== day) {
        return fail(
          `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${day}' != '${xAmzDate.slice(0, 8)}'.`,
        );
      }
      const current = now();
      if (signedAt < current - maxSkewMs) {
        return fail(
          `Signature expired: ${xAmzDate} is now earlier than ${amzDate(current - maxSkewMs)} (${amzDate(current)} - ${window})`,
          "InvalidSignatureException",
        );
      }
      if (signedAt > current + maxSkewMs) {
        return fail(
          `Signature not yet current: ${xAmzDate} is still later than ${amzDate(current + maxSkewMs)} (${amzDate(current)} + ${window})`,
          "InvalidSignatureException",
        );
      }
      const signed = signedList.split(";");
      if (!strictlyAscending(signed)) return fail("SignedHeaders must list header names once each, sorted.");
      if (!signed.includes("host")) return fail("'Host' must be a signed header.");
      let canonicalHeaders = "";
      for (const name of signed) {
        const value = values(name);
        if (value === undefined) return mismatch();
        canonicalHeaders += `${name}:${canonicalHeaderValue(value)}\n`;
      }
      const pairs = queryPairs(request.query);
      if (!pairs) return mismatch();
      const claimed = values("x-amz-content-sha256");
      const head = `${request.method}\n${canonicalUri(request.path)}\n${canonicalQuery(pairs)}\n${canonicalHeaders}\n${signedList}\n`;
      return {
        ok: true,
        complete(bodySha256) {
          // A claimed payload hash is what was signed; it must also be the body's, unless the signer left the body unsigned.
          const payload = claimed === undefined ? bodySha256 : canonicalHeaderValue(claimed);
          if (payload !== bodySha256 && payload !== "UNSIGNED-PAYLOAD") {
            return fail("The x-amz-content-sha256 header is not the SHA-256 of the body; sign the body that you send.");
          }
          const stringToSign = `${ALGORITHM}\n${xAmzDate}\n${day}/${region}/${service}/aws4_request\n${sha256Hex(head + payload)}`;
          const key = signingKey(day, region);
          const expected = createHmac("sha256", key).update(stringToSign, "utf8").digest();
          if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return mismatch();
          remember(day, region, key);
          return { ok: true };
        },
      };
    },
  };
}

/**
 * Creates a verifier of AWS Signature Version 4 (header form), written on node:crypto from the SigV4 specification
 * and independent of this repository's client: it recomputes the signature over the headers that the request says
 * it signed, and checks the access key, the credential scope and the time (5 minutes either way).
 *
 * @example
 * ```ts
 * const verify = createSigV4Verifier({ accessKeyId: "AKID", secretAccessKey: "secret" });
 * const verdict = await verify({ method: "GET", path: "/", query: "", headers: { host: ["localhost"] } });
 * ```
 */
export function createSigV4Verifier(
  options: SigV4VerifierOptions,
): (request: ReceivedRequest) => Promise<SigV4Verdict> {
  const check = createSigV4Check(options);
  return async (request) => {
    const head = check.head(request);
    if (!head.ok) return head;
    const body = request.body;
    return head.complete(body && body.length > 0 ? createHash("sha256").update(body).digest("hex") : EMPTY_SHA256);
  };
}
