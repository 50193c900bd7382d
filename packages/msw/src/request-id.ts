const pool = new Uint8Array(4096);
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
  const b = pool.slice(offset, offset + 16);
  offset += 16;
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  let hex = "";
  for (const byte of b) hex += (byte < 16 ? "0" : "") + byte.toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
