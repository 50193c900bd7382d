import { describe, expect, test } from "vitest";
import { readTestCounts } from "./summary.mjs";

describe("readTestCounts", () => {
  test.each([
    [
      "vitest",
      "\u001b[2m      Tests \u001b[22m 1 failed | 7 passed | 2 skipped (10)",
      { passed: 7, failed: 1, skipped: 2 },
    ],
    ["jest", "Tests:       1 failed, 1 skipped, 5 passed, 7 total", { passed: 5, failed: 1, skipped: 1 }],
    ["node:test", "ℹ tests 5\nℹ pass 4\nℹ fail 1\nℹ skipped 0", { passed: 4, failed: 1, skipped: 0 }],
    ["node:test", "# tests 3\n# pass 3\n# fail 0", { passed: 3, failed: 0, skipped: 0 }],
  ])("reads the summary of %s", (runner, output, counts) => {
    expect(readTestCounts(output)).toEqual({ runner, ...counts });
  });

  test("sums every summary of one output (a runner started twice)", () => {
    const output = "      Tests  3 passed (3)\n...\n      Tests  2 failed | 1 passed (3)\n";
    expect(readTestCounts(output)).toEqual({ runner: "vitest", passed: 4, failed: 2, skipped: 0 });
  });

  test("is undefined when no runner printed a summary (a crash before any test)", () => {
    expect(readTestCounts("Error: Cannot find module 'jsdom'\n")).toBeUndefined();
  });
});
