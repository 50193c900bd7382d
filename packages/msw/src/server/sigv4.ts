import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** The access key that requests must be signed with. */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Options of {@link createSigV4Verifier}. */
export interface SigV4VerifierOptions extends SigV4Credentials {
  /** The signing name in the credential scope. Default `mobiletargeting`, Pinpoint's signing name. */
  service?: string;
  /** How far `X-Amz-Date` may be from now. Default 15 minutes, as AWS allows. */
  maxSkewMs?: number;
  /** The time to check `X-Amz-Date` against. Default `Date.now`. */
  now?: () => number;
}

/** A received request as the verifier needs it: names lowercased, every value of a repeated header kept. */
export interface ReceivedRequest {
  method: string;
  /** The raw path as received (percent-encoded once), without the query. */
  path: string;
  /** The raw query, without `?`. */
  query: string;
  headers: Record<string, string[] | undefined>;
  body?: Uint8Array;
}

/** The verdict on a request's signature; the message never repeats a signature or a secret. */
export type SigV4Verdict = { ok: true } | { ok: false; message: string };

type Smithy = ConstructorParameters<typeof SignatureV4>[0];
type SignableRequest = Parameters<SignatureV4["presign"]>[0];

const toBytes = (data: ArrayBuffer | ArrayBufferView): Uint8Array =>
  ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape that @smithy/signature-v4 asks for. */
class NodeSha256 {
  #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  readonly #secret: Uint8Array | string | undefined;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#secret = secret === undefined || typeof secret === "string" ? secret : toBytes(secret);
    this.#hash = this.#fresh();
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(typeof data === "string" ? data : toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#fresh();
  }

  #fresh() {
    return this.#secret === undefined ? createHash("sha256") : createHmac("sha256", this.#secret);
  }
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

const fail = (message: string): SigV4Verdict => ({ ok: false, message });

function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

/** Splits a raw query into decoded names and values; `undefined` when a part is not valid percent-encoding. */
function parseQuery(raw: string): Record<string, string | string[]> | undefined {
  const query: Record<string, string | string[]> = {};
  if (raw === "") return query;
  try {
    for (const part of raw.split("&")) {
      const eq = part.indexOf("=");
      const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
      const seen = query[name];
      query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
  } catch {
    return undefined;
  }
  return query;
}

/**
 * Creates a verifier of AWS Signature Version 4 (header form). It recomputes the signature with
 * `@smithy/signature-v4`, an implementation independent of this repository's client, over the headers that the
 * request says it signed, and checks the access key, the credential scope and the time (15 minutes either way).
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
  const service = options.service ?? "mobiletargeting";
  const maxSkewMs = options.maxSkewMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  const signers = new Map<string, SignatureV4>();
  const signerFor = (region: string): SignatureV4 => {
    let signer = signers.get(region);
    if (!signer) {
      const init: Smithy = {
        credentials,
        region,
        service,
        sha256: NodeSha256,
        uriEscapePath: true,
        applyChecksum: false,
      };
      signer = new SignatureV4(init);
      signers.set(region, signer);
    }
    return signer;
  };

  return async (request) => {
    const header = (name: string): string | undefined => request.headers[name]?.join(",");
    const authorization = header("authorization");
    if (authorization === undefined) {
      return fail(
        `Request is missing Authentication Token: sign it with AWS Signature Version 4 for the service ${service}.`,
      );
    }
    const m = AUTHORIZATION.exec(authorization.trim());
    if (!m) {
      return fail(
        "Authorization header is malformed: expected AWS4-HMAC-SHA256 Credential=KEY/YYYYMMDD/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=64 hex digits.",
      );
    }
    const [, accessKeyId, scopeDate, region, scopeService, signedList, signature] = m as unknown as string[];
    if (accessKeyId !== credentials.accessKeyId) return fail("The security token included in the request is invalid.");
    if (scopeService !== service) return fail(`Credential should be scoped to correct service: '${service}'.`);
    const xAmzDate = header("x-amz-date");
    const signingDate = xAmzDate === undefined ? undefined : parseAmzDate(xAmzDate);
    if (!xAmzDate || !signingDate) return fail("The request needs an X-Amz-Date header in the form YYYYMMDDTHHMMSSZ.");
    if (xAmzDate.slice(0, 8) !== scopeDate) {
      return fail(
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${xAmzDate.slice(0, 8)}'.`,
      );
    }
    const current = now();
    if (signingDate.getTime() < current - maxSkewMs) {
      return fail(
        `Signature expired: ${xAmzDate} is now earlier than ${amzDate(current - maxSkewMs)} (${amzDate(current)} - 15 min.)`,
      );
    }
    if (signingDate.getTime() > current + maxSkewMs) {
      return fail(
        `Signature not yet current: ${xAmzDate} is still later than ${amzDate(current + maxSkewMs)} (${amzDate(current)} + 15 min.)`,
      );
    }
    const signed = (signedList as string).split(";");
    if (!signed.includes("host")) return fail("'Host' must be a signed header.");
    const headers: Record<string, string> = {};
    for (const name of signed) {
      const value = header(name);
      if (value === undefined) return fail(MISMATCH);
      headers[name] = value;
    }
    const query = parseQuery(request.query);
    if (!query) return fail(MISMATCH);
    const toSign: SignableRequest = {
      method: request.method,
      protocol: "http:",
      hostname: headers.host ?? "",
      path: request.path,
      query,
      headers,
      ...(request.body && request.body.length > 0 ? { body: request.body } : {}),
    };
    const signedRequest = await signerFor(region as string).sign(toSign, {
      signingDate,
      signableHeaders: new Set(signed),
      unsignableHeaders: new Set(),
    });
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signedRequest.headers.authorization))?.[1] ?? "";
    const same = expected.length === 64 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature as string));
    return same ? { ok: true } : fail(MISMATCH);
  };
}
