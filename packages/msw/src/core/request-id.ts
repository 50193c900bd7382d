const pool = new Uint8Array(4096);
/** Two hex digits of each byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** The 16 bytes from `at` written as a UUID (lower-case hex, 8-4-4-4-12). */
export function formatUuid(bytes: Uint8Array, at: number): string {
  const h = (i: number): string => HEX[bytes[at + i] as number] as string;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
let offset = pool.length;

/**
 * A random UUID version 4 (RFC 9562, section 5.4). Built on `crypto.getRandomValues`, which browsers also offer on
 * plain `http:` pages, where `crypto.randomUUID` is missing.
 */
export function createRequestId(): string {
  // Random bytes are fetched 4 KiB at a time: one getRandomValues call per id costs more than the rest of a page.
  if (offset + 16 > pool.length) {
    crypto.getRandomValues(pool);
    offset = 0;
  }
  const at = offset;
  offset += 16;
  // Version 4 and the RFC 9562 variant, set in the pool's bytes themselves (each is used once).
  pool[at + 6] = ((pool[at + 6] as number) & 0x0f) | 0x40;
  pool[at + 8] = ((pool[at + 8] as number) & 0x3f) | 0x80;
  return formatUuid(pool, at);
}
