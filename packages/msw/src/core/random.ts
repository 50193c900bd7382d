/** A seed for the fake's generated data: a number, or a string that is hashed to one. */
export type Seed = number | string;

/** A deterministic source of pseudo-random numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** `length` lowercase hexadecimal characters, like the 32-character ids that Pinpoint gives. */
  hex(length: number): string;
}

/** Hashes a seed to a 32-bit number (FNV-1a over the string form), so "42" and 42 give the same data. */
export function seedToNumber(seed: Seed): number {
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded generator (sfc32, Chris Doty-Humphrey's Small Fast Counter): same seed, same sequence. */
export function createRandom(seed: Seed): Random {
  let a = seedToNumber(seed);
  let b = a ^ 0x9e3779b9;
  let c = a ^ 0x243f6a88;
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    hex: (length) => {
      let out = "";
      while (out.length < length)
        out += Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, "0");
      return out.slice(0, length);
    },
  };
}
