import { fromBase64Url, toBase64Url } from "./base64url.js";
import { createHmacSha256, hmacSha256 } from "./sha256.js";

/**
 * Where a page ends: the sort key of the last run it returned. Runs are ordered by creation time, then by the
 * order in which the store received them (`seq`), so a position stays meaningful when runs are added or removed.
 */
export interface PagePosition {
  creationTime: number;
  seq: number;
}

/** Encodes and checks `NextToken`s for one store. */
export interface TokenCodec {
  encode(applicationId: string, journeyId: string, position: PagePosition): string;
  /** The position in a token, or `undefined` when it was altered, made up, or issued for another journey. */
  decode(applicationId: string, journeyId: string, token: string): PagePosition | undefined;
}

const VERSION = 1;
const PAYLOAD_BYTES = 17;
const MAC_BYTES = 16;
const encoder = new TextEncoder();

const BINDINGS_CACHED = 256;
const VERIFIED_CACHED = 4096;

/** The bytes that bind a token to its journey: both ids, length-prefixed so that no two pairs give the same bytes. */
function binding(applicationId: string, journeyId: string): Uint8Array {
  const app = encoder.encode(applicationId);
  const journey = encoder.encode(journeyId);
  const out = new Uint8Array(8 + app.length + journey.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, app.length);
  out.set(app, 4);
  view.setUint32(4 + app.length, journey.length);
  out.set(journey, 8 + app.length);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Creates the codec of page tokens: 17 bytes of position and a 16-byte HMAC-SHA-256 tag over the position, the
 * application id and the journey id, in base64url (44 characters). The tag makes tokens tamper-proof and binds
 * each to its journey; the position (not an offset) keeps pages stable while runs are added.
 *
 * @example
 * ```ts
 * const codec = createTokenCodec(secret);
 * codec.decode("app", "journey", codec.encode("app", "journey", { creationTime: 0, seq: 1 }));
 * ```
 */
export function createTokenCodec(secret: Uint8Array): TokenCodec {
  const hmac = createHmacSha256(secret);
  const bindings = new Map<string, Uint8Array>();
  const verified = new Map<string, PagePosition>();
  const digest = new Uint8Array(32);
  const tokenBytes = new Uint8Array(PAYLOAD_BYTES + MAC_BYTES);
  const tokenView = new DataView(tokenBytes.buffer);
  let message = new Uint8Array(256);
  const tag = (applicationId: string, journeyId: string, payload: Uint8Array): Uint8Array => {
    const key = `${applicationId.length}:${applicationId}${journeyId}`;
    let bound = bindings.get(key);
    if (!bound) {
      if (bindings.size >= BINDINGS_CACHED) bindings.clear();
      bound = binding(applicationId, journeyId);
      bindings.set(key, bound);
    }
    const length = payload.length + bound.length;
    if (length > message.length) message = new Uint8Array(length * 2);
    message.set(payload);
    message.set(bound, payload.length);
    return hmac(message.subarray(0, length), digest).subarray(0, MAC_BYTES);
  };
  return {
    encode(applicationId, journeyId, position) {
      const bytes = tokenBytes;
      const view = tokenView;
      bytes[0] = VERSION;
      view.setFloat64(1, position.creationTime);
      view.setFloat64(9, position.seq);
      const payload = bytes.subarray(0, PAYLOAD_BYTES);
      bytes.set(tag(applicationId, journeyId, payload), PAYLOAD_BYTES);
      return toBase64Url(bytes);
    },
    decode(applicationId, journeyId, token) {
      // A token that was verified once is remembered (a bounded cache): readers often fetch the same page again.
      // Every id is length-prefixed: no (application, journey, token) shares its key with another, whatever they hold.
      const cacheKey = `${applicationId.length}:${applicationId}${journeyId.length}:${journeyId}${token}`;
      const known = verified.get(cacheKey);
      if (known) return { ...known };
      const position = verify(applicationId, journeyId, token);
      if (position) {
        if (verified.size >= VERIFIED_CACHED) verified.clear();
        verified.set(cacheKey, position);
      }
      return position && { ...position };
    },
  };

  function verify(applicationId: string, journeyId: string, token: string): PagePosition | undefined {
    const bytes = fromBase64Url(token);
    if (!bytes || bytes.length !== PAYLOAD_BYTES + MAC_BYTES || bytes[0] !== VERSION) return undefined;
    const payload = bytes.subarray(0, PAYLOAD_BYTES);
    if (!sameBytes(tag(applicationId, journeyId, payload), bytes.subarray(PAYLOAD_BYTES))) return undefined;
    tokenBytes.set(bytes);
    const position = { creationTime: tokenView.getFloat64(1), seq: tokenView.getFloat64(9) };
    return Number.isFinite(position.creationTime) && Number.isSafeInteger(position.seq) ? position : undefined;
  }
}

/** Derives a store's token secret from its seed, so the same seed gives the same tokens. */
export function deriveTokenSecret(seed: string): Uint8Array {
  return hmacSha256(encoder.encode("journey-runs/msw page tokens v1"), encoder.encode(seed));
}
