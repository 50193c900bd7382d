import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { closingLines, countTests, readSteps } from "./summarize-tests.mjs";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "ci-steps-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("countTests", () => {
  test("sums vitest, Jest, node:test and pytest summaries, with turbo's prefixes and colours", () => {
    const log = [
      "@journey-runs/msw:test:       Tests  1 failed | 7 passed | 2 skipped (10)",
      "Tests:       1 failed, 5 passed, 6 total",
      "\u001b[32mℹ pass 4\u001b[39m",
      "ℹ fail 0",
      "========== 3 passed, 1 skipped, 1 error in 2.05s ==========",
      "===== 2 failed, 9 passed in 1.00s (0:00:01) =====",
      "@journey-runs/examples-runner:test: 6 passed, 2 warnings in 6.34s",
    ].join("\n");
    expect(countTests(log)).toEqual({ passed: 34, failed: 5, skipped: 3, runs: 6 });
  });

  test("reads nothing from lines that only look alike", () => {
    expect(countTests("Tests are great\n== 3 passed ==\nRan 6 tests\nit took 3 passed in 2s and more")).toEqual({
      passed: 0,
      failed: 0,
      skipped: 0,
      runs: 0,
    });
  });
});

describe("closing line with steps", () => {
  test("a run with one failed step never closes on 0 failed", () => {
    const lines = closingLines("      Tests  12 passed (12)", "0 npm ci\n1 examples\n0 audit\n");
    expect(lines.at(-2)).toBe("steps: 3 run, 1 failed: examples (exit 1)");
    expect(lines.at(-1)).toBe("12 passed, 1 failed");
  });

  test("a run whose steps all passed closes on the tests alone", () => {
    expect(closingLines("      Tests  12 passed | 1 skipped (13)", "0 npm ci\n0 npm test\n").at(-1)).toBe(
      "12 passed, 0 failed, 1 skipped",
    );
    expect(readSteps("garbage\n\n0 a b c\n")).toEqual({ ran: 1, failed: [] });
  });

  test(".ci/steps.sh: a CI script with one failing step exits non-zero and its closing line counts the step", () => {
    const script = join(work, "ci.sh");
    writeFileSync(
      script,
      [
        "set -euo pipefail",
        `source "${join(repoRoot, ".ci", "steps.sh")}"`,
        'step "passes" bash -c "echo \'      Tests  3 passed (3)\'"',
        'step "fails before its tests" bash -c "echo broken >&2; exit 7"',
        'step "passes too" true',
        "finish_steps",
      ].join("\n"),
    );
    const run = spawnSync("bash", [script], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, CI_LOG_DIR: work },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).toMatch(/\[ci\] step failed: fails before its tests \(exit 7, \d+ s\)/);
    expect(output).toMatch(/steps: 3 run, 1 failed: fails before its tests \(exit 7\)\n3 passed, 1 failed\n*$/);
    expect(output).not.toMatch(/\b0 failed/);
    expect(readFileSync(join(work, "steps.txt"), "utf8")).toBe("0 passes\n7 fails before its tests\n0 passes too\n");
  });
});
