import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { JsonMeter } from "./json-meter.js";

/** Objects and arrays in a parsed value, and its nesting (the outermost container is depth 1). */
function shape(value: unknown, depth = 0): { containers: number; depth: number } {
  if (typeof value !== "object" || value === null) return { containers: 0, depth };
  let containers = 1;
  let deepest = depth + 1;
  for (const child of Object.values(value)) {
    const inner = shape(child, depth + 1);
    containers += inner.containers;
    deepest = Math.max(deepest, inner.depth);
  }
  return { containers, depth: deepest };
}

describe("JsonMeter", () => {
  test("passes a text exactly at its bounds and refuses one object or level more, however the bytes are cut", () => {
    fc.assert(
      fc.property(
        // Strings full of brackets, quotes and backslashes: only structure outside strings may count.
        fc.jsonValue({ maxDepth: 6 }).map((value) => ({ value, text: JSON.stringify(value) })),
        fc.array(fc.nat(), { maxLength: 8 }),
        ({ value, text }, cuts) => {
          const bytes = Buffer.from(text);
          const { containers, depth } = shape(value);
          const run = (limits: { containers: number; depth: number }) => {
            const meter = new JsonMeter(limits);
            const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
            let from = 0;
            for (const point of [...points, bytes.length]) {
              const passed = meter.push(bytes.subarray(from, point));
              if (passed !== undefined) return passed;
              from = point;
            }
            return undefined;
          };
          expect(run({ containers, depth })).toBeUndefined();
          if (containers > 0) expect(run({ containers: containers - 1, depth: 1000 })).toBe("containers");
          if (depth > 0) expect(run({ containers: 1_000_000, depth: depth - 1 })).toBe("depth");
        },
      ),
      { numRuns: 300 },
    );
  });
});
