// SHA-256 (FIPS 180-4) and HMAC (RFC 2104), synchronous and free of platform APIs so that page tokens can be
// signed in the same call in Node and in a browser's service worker (Web Crypto's HMAC is asynchronous only).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const W = new Uint32Array(64);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Runs the compression function over every 64-byte block of `view` from `offset`, updating the state `h`. */
function compress(h: Uint32Array, view: DataView, offset: number, end: number): void {
  for (; offset < end; offset += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15] as number;
      const w2 = W[i - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      W[i] = (W[i - 16] as number) + s0 + (W[i - 7] as number) + s1;
    }
    let a = h[0] as number;
    let b = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    let e = h[4] as number;
    let f = h[5] as number;
    let g = h[6] as number;
    let hh = h[7] as number;
    for (let i = 0; i < 64; i++) {
      const t1 =
        (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) |
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + hh;
  }
}

// Scratch buffers reused by every call (the functions are synchronous): allocating typed arrays per call made
// garbage collection the main cost of a page.
let scratch = new Uint8Array(256);
let scratchView = new DataView(scratch.buffer);
const innerDigest = new Uint8Array(32);
const state = new Uint32Array(8);

/** Finishes a hash whose state `h` already covers `prefixBytes` bytes (whole blocks) over `data`, into `out`. */
function finish(h: Uint32Array, prefixBytes: number, data: Uint8Array, out: Uint8Array): Uint8Array {
  const bitLength = (prefixBytes + data.length) * 8;
  const length = ((data.length + 9 + 63) >> 6) << 6;
  if (length > scratch.length) {
    scratch = new Uint8Array(length * 2);
    scratchView = new DataView(scratch.buffer);
  }
  scratch.set(data);
  scratch.fill(0, data.length, length);
  scratch[data.length] = 0x80;
  scratchView.setUint32(length - 8, Math.floor(bitLength / 0x100000000));
  scratchView.setUint32(length - 4, bitLength >>> 0);
  compress(h, scratchView, 0, length);
  for (let i = 0; i < 8; i++) {
    const word = h[i] as number;
    out[i * 4] = word >>> 24;
    out[i * 4 + 1] = (word >>> 16) & 0xff;
    out[i * 4 + 2] = (word >>> 8) & 0xff;
    out[i * 4 + 3] = word & 0xff;
  }
  return out;
}

/** The SHA-256 digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  state.set(H0);
  return finish(state, 0, data, new Uint8Array(32));
}

/** The state after hashing one 64-byte block (an HMAC pad). */
function stateAfter(block: Uint8Array): Uint32Array {
  const h = Uint32Array.from(H0);
  compress(h, new DataView(block.buffer, block.byteOffset, 64), 0, 64);
  return h;
}

/**
 * An HMAC-SHA-256 (RFC 2104) under a fixed `key`. The states after the inner and outer pads are computed once,
 * so each message costs only its own blocks plus one. The result is written into `out` (32 bytes).
 */
export function createHmacSha256(key: Uint8Array): (message: Uint8Array, out?: Uint8Array) => Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = (block[i] as number) ^ 0x36;
    outer[i] = (block[i] as number) ^ 0x5c;
  }
  const innerState = stateAfter(inner);
  const outerState = stateAfter(outer);
  return (message, out = new Uint8Array(32)) => {
    state.set(innerState);
    finish(state, 64, message, innerDigest);
    state.set(outerState);
    return finish(state, 64, innerDigest, out);
  };
}

/** The HMAC-SHA-256 of `message` under `key`. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return createHmacSha256(key)(message);
}
