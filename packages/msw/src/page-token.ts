import { fromBase64Url, toBase64Url } from "./base64url.js";
import { hmacSha256 } from "./sha256.js";

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

function message(applicationId: string, journeyId: string, payload: Uint8Array): Uint8Array {
  const app = encoder.encode(applicationId);
  const journey = encoder.encode(journeyId);
  // Length-prefix the ids so that no two (application, journey) pairs sign the same bytes.
  const out = new Uint8Array(payload.length + 8 + app.length + journey.length);
  const view = new DataView(out.buffer);
  out.set(payload);
  view.setUint32(payload.length, app.length);
  out.set(app, payload.length + 4);
  view.setUint32(payload.length + 4 + app.length, journey.length);
  out.set(journey, payload.length + 8 + app.length);
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
  return {
    encode(applicationId, journeyId, position) {
      const bytes = new Uint8Array(PAYLOAD_BYTES + MAC_BYTES);
      const view = new DataView(bytes.buffer);
      bytes[0] = VERSION;
      view.setFloat64(1, position.creationTime);
      view.setFloat64(9, position.seq);
      const payload = bytes.subarray(0, PAYLOAD_BYTES);
      bytes.set(hmacSha256(secret, message(applicationId, journeyId, payload)).subarray(0, MAC_BYTES), PAYLOAD_BYTES);
      return toBase64Url(bytes);
    },
    decode(applicationId, journeyId, token) {
      const bytes = fromBase64Url(token);
      if (!bytes || bytes.length !== PAYLOAD_BYTES + MAC_BYTES || bytes[0] !== VERSION) return undefined;
      const payload = bytes.subarray(0, PAYLOAD_BYTES);
      const tag = hmacSha256(secret, message(applicationId, journeyId, payload)).subarray(0, MAC_BYTES);
      if (!sameBytes(tag, bytes.subarray(PAYLOAD_BYTES))) return undefined;
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const position = { creationTime: view.getFloat64(1), seq: view.getFloat64(9) };
      return Number.isFinite(position.creationTime) && Number.isSafeInteger(position.seq) ? position : undefined;
    },
  };
}

/** Derives a store's token secret from its seed, so the same seed gives the same tokens. */
export function deriveTokenSecret(seed: string): Uint8Array {
  return hmacSha256(encoder.encode("journey-runs/msw page tokens v1"), encoder.encode(seed));
}
