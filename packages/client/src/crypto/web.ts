/**
 * SHA-256, HMAC-SHA256 and UUIDs from WebCrypto (`crypto.subtle`): no bytes of hash code in the browser bundle
 * (the small path of docs/decisions/0003-client-signing.md).
 */

const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  (typeof data === "string" ? new TextEncoder().encode(data) : data) as Uint8Array<ArrayBuffer>;
const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (byte) => (byte + 256).toString(16).slice(1)).join("");
const sign = async (key: string | Uint8Array, data: string): Promise<ArrayBuffer> =>
  crypto.subtle.sign(
    "HMAC",
    await crypto.subtle.importKey("raw", bytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
    bytes(data),
  );

/** The lowercase hex SHA-256 of `data` (UTF-8 for strings). */
export const sha256Hex = async (data: string | Uint8Array): Promise<string> =>
  hex(await crypto.subtle.digest("SHA-256", bytes(data)));

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as bytes. */
export const hmac = async (key: string | Uint8Array, data: string): Promise<Uint8Array> =>
  new Uint8Array(await sign(key, data));

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as lowercase hex. */
export const hmacHex = async (key: Uint8Array, data: string): Promise<string> => hex(await sign(key, data));

/** A random (version 4) UUID; made from `getRandomValues` where `randomUUID` is missing (pages not served over HTTPS). */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
    (+c ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+c / 4)))).toString(16),
  );
