/**
 * SHA-256, HMAC-SHA256 and UUIDs from `node:crypto`, synchronous (the fast path of
 * docs/decisions/0003-client-signing.md). They return plain values, and the signer goes on with them at once (it
 * waits only for the promises of the WebCrypto variant). Hashing goes through the one-shot `hash()` (Node >= 20.12): no
 * `Hash`/`Hmac` object per call, which is what a signature cost most between two requests.
 *
 * `node:crypto` is loaded on first use (`process.getBuiltinModule`, Node >= 20.16), not when the client is imported:
 * an import that never signs nor sends does not pay for it (the cold-import budget).
 */
type NodeCrypto = typeof import("node:crypto");

let loaded: NodeCrypto | undefined;

/** `node:crypto`, loaded by the first call that needs it. */
const nodeCrypto = (): NodeCrypto => {
  loaded ??= process.getBuiltinModule("node:crypto");
  return loaded;
};

/** The SHA-256 of no bytes, which every call without a body signs: a hash costs about 4 us between two HTTP calls. */
let empty: string | undefined;

/** The lowercase hex SHA-256 of `data` (UTF-8 for strings). */
export const sha256Hex = (data: string | Uint8Array): string => {
  if (data.length > 0) return nodeCrypto().hash("sha256", data, "hex");
  empty ??= nodeCrypto().hash("sha256", "", "hex");
  return empty;
};

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as bytes. */
export const hmac = (key: string | Uint8Array, data: string): Uint8Array =>
  nodeCrypto().createHmac("sha256", key).update(data).digest();

/**
 * For the last key given to `hmacHex` (a day's signing key signs every request): a buffer that starts with the inner
 * padded key (RFC 2104), and one with the outer padded key followed by room for the inner digest.
 */
let pads: [key: Uint8Array | undefined, inner: Buffer, outer: Buffer] = [undefined, Buffer.alloc(0), Buffer.alloc(0)];

/**
 * HMAC-SHA256 of the UTF-8 `data` under `key`, as lowercase hex: RFC 2104, `H((K ^ opad) || H((K ^ ipad) || data))`
 * (a key longer than a block hashed first). The data is written after the inner padded key in place, and the inner
 * digest after the outer one: no buffer is made per call, once the inner one is large enough.
 */
export const hmacHex = (key: Uint8Array, data: string): string => {
  let [given, inner, outer] = pads;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (given !== key || inner.length < 64 + 3 * data.length) {
    const block = Buffer.alloc(64);
    block.set(key.length > 64 ? nodeCrypto().hash("sha256", key, "buffer") : key);
    inner = Buffer.alloc(Math.max(64 + 3 * data.length, 1024));
    outer = Buffer.alloc(96);
    for (let i = 0; i < 64; i++) {
      inner[i] = (block[i] as number) ^ 0x36;
      outer[i] = (block[i] as number) ^ 0x5c;
    }
    pads = [key, inner, outer];
  }
  // The inner digest comes back as a latin1 ("binary") string, one character per byte: a Buffer result costs twice
  // the hash.
  outer.write(nodeCrypto().hash("sha256", inner.subarray(0, 64 + inner.write(data, 64)), "binary"), 64, "latin1");
  return nodeCrypto().hash("sha256", outer, "hex");
};

/** Truthy where this back end can sign: always, node:crypto is there. */
export const canSign = (): unknown => true;

/** A random (version 4) UUID. */
export const uuid = (): string => nodeCrypto().randomUUID();
