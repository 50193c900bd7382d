import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ISO_TIME, isoTimeMs } from "./iso-time.js";

/** What the loaders did before `isoTimeMs`: the regular expression, then `Date.parse`. */
const before = (text: string): number => (ISO_TIME.test(text) ? Date.parse(text) : Number.NaN);

const pad = (value: number, width: number) => String(value).padStart(width, "0");
/** Date-times of the accepted form with every field anywhere in its digits (out of range included). */
const isoLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 99 })),
    hour: fc.oneof(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 99 })),
    minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constant(0), fc.integer({ min: 0, max: 99 })),
    second: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constant(0), fc.integer({ min: 0, max: 99 })),
    fraction: fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant("Z"),
      fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) => {
    const time = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
    const zoneText = typeof zone === "string" ? zone : `${zone[0]}${pad(zone[1], 2)}:${pad(zone[2], 2)}`;
    return `${time}${fraction === undefined ? "" : `.${fraction}`}${zoneText}`;
  });
/** One character of a valid time replaced, dropped or doubled. */
const mangled = fc
  .tuple(isoLike, fc.nat(), fc.constantFrom("drop", "double", "replace"), fc.string({ minLength: 1, maxLength: 1 }))
  .map(([text, at, how, char]) => {
    const i = at % text.length;
    if (how === "drop") return text.slice(0, i) + text.slice(i + 1);
    if (how === "double") return text.slice(0, i) + text[i] + text.slice(i);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe("isoTimeMs", () => {
  test("agrees with the regular expression and Date.parse on times of the form, in range or not", () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        expect(Object.is(isoTimeMs(text), before(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  test("agrees on times with one character dropped, doubled or replaced, and on any string", () => {
    fc.assert(
      fc.property(fc.oneof(mangled, fc.string({ maxLength: 40 })), (text) => {
        expect(Object.is(isoTimeMs(text), before(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ["2026-02-30T00:00:00Z", Date.UTC(2026, 2, 2)],
    ["2026-01-01T24:00:00.000Z", Date.UTC(2026, 0, 2)],
    ["2026-01-01T00:00:00.1234567Z", Date.UTC(2026, 0, 1, 0, 0, 0, 123)],
    ["2026-01-01T01:00:00+01:00", Date.UTC(2026, 0, 1)],
    ["0000-01-01T00:00:00Z", -62_167_219_200_000],
    ["2026-01-01T24:00:01Z", Number.NaN],
    ["2026-13-01T00:00:00Z", Number.NaN],
    ["2026-01-01T00:00:00+24:00", Number.NaN],
    ["2026-01-01T00:00:00.Z", Number.NaN],
    ["2026-01-01T00:00:00", Number.NaN],
    ["2026-01-01 00:00:00Z", Number.NaN],
  ])("%s", (text, ms) => {
    expect(isoTimeMs(text)).toBe(before(text));
    expect(isoTimeMs(text)).toBe(ms);
  });
});
