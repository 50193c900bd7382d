// Pure-JS SHA-256 experiment (FIPS 180-4), for timing in situ.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Int32Array(64);
const block = (H, B, o) => {
  for (let i = 0; i < 16; i++)
    W[i] = (B[o + 4 * i] << 24) | (B[o + 4 * i + 1] << 16) | (B[o + 4 * i + 2] << 8) | B[o + 4 * i + 3];
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15],
      b = W[i - 2];
    W[i] =
      ((((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)) +
        (((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)) +
        W[i - 7] +
        W[i - 16]) |
      0;
  }
  let [a, b, c, d, e, f, g, h] = H;
  for (let i = 0; i < 64; i++) {
    const t1 =
      (h +
        (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        ((e & f) ^ (~e & g)) +
        K[i] +
        W[i]) |
      0;
    const t2 =
      ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) ^ (a & c) ^ (b & c))) |
      0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0] + a) | 0;
  H[1] = (H[1] + b) | 0;
  H[2] = (H[2] + c) | 0;
  H[3] = (H[3] + d) | 0;
  H[4] = (H[4] + e) | 0;
  H[5] = (H[5] + f) | 0;
  H[6] = (H[6] + g) | 0;
  H[7] = (H[7] + h) | 0;
};
const enc = new TextEncoder();
export const sha256 = (data, H = IV.slice(), prefix = 0) => {
  const bytes = typeof data === "string" ? enc.encode(data) : data;
  const n = bytes.length,
    total = n + prefix;
  const padded = new Uint8Array((n + 72) & ~63);
  padded.set(bytes);
  padded[n] = 0x80;
  const bits = total * 8,
    end = padded.length;
  padded[end - 4] = bits >>> 24;
  padded[end - 3] = bits >>> 16;
  padded[end - 2] = bits >>> 8;
  padded[end - 1] = bits;
  padded[end - 5] = bits / 2 ** 32;
  for (let o = 0; o < end; o += 64) block(H, padded, o);
  return H;
};
const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));
export const hex = (H) => {
  let s = "";
  for (const w of H) s += HEX[w >>> 24] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
  return s;
};
export const bytesOf = (H) => {
  const b = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    b[4 * i] = H[i] >>> 24;
    b[4 * i + 1] = H[i] >>> 16;
    b[4 * i + 2] = H[i] >>> 8;
    b[4 * i + 3] = H[i];
  }
  return b;
};
// HMAC with the key's inner and outer states computed once.
export const hmacState = (key) => {
  const k = new Uint8Array(64);
  k.set(key);
  const i = IV.slice(),
    o = IV.slice();
  block(
    i,
    k.map((x) => x ^ 0x36),
    0,
  );
  block(
    o,
    k.map((x) => x ^ 0x5c),
    0,
  );
  return [i, o];
};
export const hmacHexState = ([i, o], data) => hex(sha256(bytesOf(sha256(data, i.slice(), 64)), o.slice(), 64));
