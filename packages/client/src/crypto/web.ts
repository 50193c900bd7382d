/**
 * SHA-256, HMAC-SHA256 and UUIDs from WebCrypto (`crypto.subtle`): no bytes of hash code in the browser bundle
 * (the small path of docs/decisions/0003-client-signing.md).
 */
/**
 * WebCrypto's `subtle`: the global one, else Node's (reachable where a runner picked this back end on Node, as
 * Jest's jsdom environment does, whose `crypto` has no `subtle`). Where there is neither (a page not served over
 * https, jsdom outside Node), `canSign` says so and the signer fails with this package's `InvalidInputError` naming
 * the cause and the fix, never with a `TypeError`. No error class is imported here: `dist/crypto/web.js` shares no
 * module with `dist/index.js`, so importing the client in Node reads no shared chunk (the cold-import budget).
 */
const subtle = (): SubtleCrypto =>
  (globalThis.crypto?.subtle ??
    (
      globalThis as { process?: { getBuiltinModule?: (id: string) => typeof import("node:crypto") } }
    ).process?.getBuiltinModule?.("crypto").subtle) as SubtleCrypto;

/** Truthy where this back end can sign: `crypto.subtle`, if there is one (see `subtle`). */
export const canSign: () => unknown = subtle;

const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  (typeof data === "string" ? new TextEncoder().encode(data) : data) as Uint8Array<ArrayBuffer>;
const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (byte) => (byte + 256).toString(16).slice(1)).join("");
const sign = async (key: string | Uint8Array, data: string): Promise<ArrayBuffer> =>
  subtle().sign(
    "HMAC",
    await subtle().importKey("raw", bytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
    bytes(data),
  );

/** The lowercase hex SHA-256 of `data` (UTF-8 for strings). */
export const sha256Hex = async (data: string | Uint8Array): Promise<string> =>
  hex(await subtle().digest("SHA-256", bytes(data)));

/**
 * HMAC-SHA256 of the UTF-8 `data` under `key`, as bytes: an `ArrayBuffer` here, not the `Uint8Array` that the type
 * says, since all the signer does with it is to give it back as a key, which `importKey` takes as it is (bytes of every
 * browser bundle saved).
 */
export const hmac = (key: string | Uint8Array, data: string): Promise<Uint8Array> => sign(key, data) as Promise<never>;

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as lowercase hex. */
export const hmacHex = async (key: Uint8Array, data: string): Promise<string> => hex(await sign(key, data));

/** A random (version 4) UUID; made from `getRandomValues` where `randomUUID` is missing (pages not served over HTTPS). */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
    (+c ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+c / 4)))).toString(16),
  );
