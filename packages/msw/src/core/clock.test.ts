import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isoTime } from "./clock.js";

describe("the fast ISO time formatter", () => {
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
});
