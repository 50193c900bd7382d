import { describe, expect, test } from "vitest";
import { createRandom, seedToNumber } from "./random.js";

describe("createRandom", () => {
  test("repeats its sequence for a seed, and a string seed equals its number", () => {
    const take = (seed: number | string) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(take(42)).toEqual(take(42));
    expect(take("42")).toEqual(take(42));
    expect(take(43)).not.toEqual(take(42));
  });

  test("stays within its ranges", () => {
    const random = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      expect(random.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  test("hashes seeds with FNV-1a", () => {
    // FNV-1a of "a" is 0xe40c292c (draft-eastlake-fnv, test vectors).
    expect(seedToNumber("a")).toBe(0xe40c292c);
  });
});
