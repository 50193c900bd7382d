import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isoTime, parseIsoTime } from "./clock.js";

describe("the fast ISO time formatter and parser", () => {
  test("isoTime is toISOString for every time a Date can hold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15, max: 8.64e15 }),
        fc.integer({ min: 0, max: 86_400_000 * 3 }),
        (ms, step) => {
          // Two times in a row, often on the same day, so the cached day is used and then changed.
          expect(isoTime(ms)).toBe(new Date(ms).toISOString());
          if (ms + step <= 8.64e15) expect(isoTime(ms + step)).toBe(new Date(ms + step).toISOString());
        },
      ),
    );
  });

  test("parseIsoTime is Date.parse, on canonical times, other forms and garbage alike", () => {
    const canonical = fc
      .integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 })
      .map((ms) => new Date(ms).toISOString());
    const mangled = fc
      .tuple(canonical, fc.nat(23), fc.constantFrom("x", "9", ":", ".", "Z", "-", " "))
      .map(([text, at, char]) => `${text.slice(0, at)}${char}${text.slice(at + 1)}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(canonical, mangled, fc.string()), { maxLength: 8 }), (texts) => {
        for (const text of texts) expect(parseIsoTime(text)).toBe(Date.parse(text));
      }),
    );
    expect(parseIsoTime("2026-01-01T00:00:00.000Z")).toBe(Date.parse("2026-01-01T00:00:00.000Z"));
    expect(parseIsoTime("2026-01-01T25:00:00.000Z")).toBeNaN();
  });
});
