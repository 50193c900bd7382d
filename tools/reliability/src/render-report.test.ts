import { describe, expect, it } from "vitest";
import { renderReport, type TestResult } from "./render-report.js";

const test = (file: string, name: string, status = "passed"): TestResult => ({
  file,
  name,
  title: name.split(" > ").at(-1) as string,
  status,
  durationMs: 12.4,
});
const input = (results: TestResult[]) => ({
  results,
  checks: [{ test: "retries > never exceed maxAttempts", cases: 300, seed: 7 }],
  audit: "audit unavailable: the registry's audit endpoint answered 405",
  seconds: 31.25,
  seed: 7,
  runsOverride: undefined,
  node: "v20.20.2",
  date: "2026-11-26",
  defaults: { seed: 7, runsVariable: "JOURNEY_RUNS_FC_RUNS", seedVariable: "JOURNEY_RUNS_FC_SEED" },
});

describe("renderReport", () => {
  it("writes one row per test with its recorded cases and seed, and totals from the run", () => {
    const page = renderReport(
      input([
        test("test/retry.property.test.ts", "retries > never exceed maxAttempts"),
        test("test/faults.test.ts", "faults > a reset"),
      ]),
    );
    expect(page).toContain("| never exceed maxAttempts | 300 | 7 | pass | 12 ms |");
    expect(page).toContain("| a reset | 1 |  | pass | 12 ms |");
    expect(page).toContain("**2 tests, 301 cases, all as expected** in 31.3 s");
    expect(page).toContain("audit unavailable: the registry's audit endpoint answered 405");
  });

  it("lists known bugs, flags one that no longer fails, and counts real failures", () => {
    const page = renderReport(
      input([
        test("test/faults.test.ts", "faults > x (KNOWN BUG: y)"),
        test("test/faults.test.ts", "faults > z (KNOWN BUG: w)", "failed"),
        test("test/faults.test.ts", "faults > broken", "failed"),
      ]),
    );
    expect(page).toContain("## Known bugs");
    expect(page).toContain("| x (KNOWN BUG: y) | 1 |  | known bug: fails as expected |");
    expect(page).toContain("**bug fixed? (it.fails now passes)**");
    expect(page).toContain("| broken | 1 |  | **failed** |");
    expect(page).toContain("2 failing");
  });
});
