/**
 * SHA-256, HMAC-SHA256 and UUIDs from `node:crypto`: synchronous, about 1 us per HMAC, so a signature costs a few
 * microseconds on Node (the fast path of docs/decisions/0003-client-signing.md).
 */
import { createHash, createHmac, randomUUID } from "node:crypto";

/** The lowercase hex SHA-256 of `data` (UTF-8 for strings). */
export const sha256Hex = async (data: string | Uint8Array): Promise<string> =>
  createHash("sha256").update(data).digest("hex");

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as bytes. */
export const hmac = async (key: string | Uint8Array, data: string): Promise<Uint8Array> =>
  createHmac("sha256", key).update(data).digest();

/** HMAC-SHA256 of the UTF-8 `data` under `key`, as lowercase hex. */
export const hmacHex = async (key: Uint8Array, data: string): Promise<string> =>
  createHmac("sha256", key).update(data).digest("hex");

/** A random (version 4) UUID. */
export const uuid = (): string => randomUUID();
