/**
 * SHA-256, HMAC-SHA256 and UUIDs from `node:crypto`, synchronous (the fast path of
 * docs/decisions/0003-client-signing.md). They return plain values; the signer awaits them as it awaits the promises
 * of the WebCrypto variant. Hashing goes through the one-shot `hash()` (Node >= 20.12): no `Hash`/`Hmac` object per
 * call, which is what a signature cost most between two requests.
 */
import { createHmac, hash, randomUUID } from "node:crypto";

/** The lowercase hex SHA-256 of `data` (UTF-8 for strings). */
export const sha256Hex = (data: string | Uint8Array): string => hash("sha256", data, "hex");

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as bytes. */
export const hmac = (key: string | Uint8Array, data: string): Uint8Array =>
  createHmac("sha256", key).update(data).digest();

/** The inner and outer padded keys (RFC 2104) of the last key given to `hmacHex`: a day's signing key signs every request. */
let pads: [key: Uint8Array | undefined, inner: Uint8Array, outer: Uint8Array] = [
  undefined,
  new Uint8Array(),
  new Uint8Array(),
];

/**
 * HMAC-SHA256 of the UTF-8 `data` under `key`, as lowercase hex: RFC 2104, `H((K ^ opad) || H((K ^ ipad) || data))`
 * (a key longer than a block hashed first), with the padded keys kept for the next call.
 */
export const hmacHex = (key: Uint8Array, data: string): string => {
  if (pads[0] !== key) {
    const block = Buffer.alloc(64);
    block.set(key.length > 64 ? hash("sha256", key, "buffer") : key);
    pads = [key, block.map((byte) => byte ^ 0x36), block.map((byte) => byte ^ 0x5c)];
  }
  const inner = hash("sha256", Buffer.concat([pads[1], Buffer.from(data)]), "buffer");
  return hash("sha256", Buffer.concat([pads[2], inner]), "hex");
};

/** A random (version 4) UUID. */
export const uuid = (): string => randomUUID();
