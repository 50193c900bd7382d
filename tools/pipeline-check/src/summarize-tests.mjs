#!/usr/bin/env node
// @ts-check
/**
 * Reads the log of a CI run (turbo's streamed output of every workspace's vitest, the examples' Jest and node:test,
 * pytest) and prints one closing line, `N passed, N failed` (`, N skipped` when any). CI prints it last so that the
 * run's result can be read from one line.
 *
 * With `--steps <file>` (lines of `<exit code> <step name>`, written by .ci/steps.sh) the failed count also counts
 * each step that failed: a test that failed inside a step that failed counts once as a test and once as a step, and
 * a step that failed before any test could run (an install, a build) counts as one failure. So a run that exits
 * non-zero never closes on `0 failed`.
 *
 * Usage: node summarize-tests.mjs [--steps <steps file>] <log file>
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * Sums the test runners' own summary lines in a log.
 * @param {string} text the log, ANSI colours included or not
 * @returns {{ passed: number, failed: number, skipped: number, runs: number }}
 */
export function countTests(text) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters by definition.
  const log = text.replace(/\u001b\[[0-9;]*m/g, "");
  const totals = { passed: 0, failed: 0, skipped: 0, runs: 0 };
  for (const line of log.split("\n")) {
    // vitest: "      Tests  1 failed | 7 passed | 2 skipped (10)", prefixed by turbo with "pkg:task: ".
    const vitest = /\bTests\s+((?:\d+ \w+(?: \| )?)+)\s+\(\d+\)\s*$/.exec(line);
    // Jest (examples/jest): "Tests:       1 failed, 5 passed, 6 total".
    const jest = /\bTests:\s+((?:\d+ \w+, )*\d+ total)\s*$/.exec(line);
    // node:test (examples/node, examples/storybook): "ℹ pass 4" (spec reporter) or "# pass 4" (TAP).
    const node = /(?:^|: |\s)(?:ℹ|#) (pass|fail|skipped|todo) (\d+)\s*$/.exec(line);
    // pytest: "===== 12 passed, 1 skipped in 3.21s =====" (or "... in 3.21s (0:00:03) ===="), and with -q the
    // same without the rules: "6 passed in 1.77s".
    const pytest =
      /(?:^|: |={3,} )((?:\d+ (?:passed|failed|skipped|errors?|xfailed|xpassed|deselected|warnings?)(?:, )?)+) in [\d.]+s(?: \([^)]*\))?(?: ={3,})?\s*$/.exec(
        line,
      );
    const parts =
      vitest?.[1]?.split("|") ??
      jest?.[1]?.split(",") ??
      pytest?.[1]?.split(",") ??
      (node ? [`${node[2]} ${node[1]}`] : []);
    if (parts.length === 0) continue;
    if (vitest || jest || pytest || node?.[1] === "pass") totals.runs++;
    for (const part of parts) {
      const [count, kind] = part.trim().split(" ");
      if (kind === "passed" || kind === "pass") totals.passed += Number(count);
      else if (kind === "failed" || kind === "fail" || kind === "error" || kind === "errors")
        totals.failed += Number(count);
      else if (kind === "skipped" || kind === "todo") totals.skipped += Number(count);
    }
  }
  return totals;
}

/**
 * The steps of a CI run that failed, from the steps file (`<exit code> <name>` per line).
 * @param {string} text @returns {{ ran: number, failed: string[] }}
 */
export function readSteps(text) {
  const failed = [];
  let ran = 0;
  for (const line of text.split("\n")) {
    const match = /^(\d+) (.+)$/.exec(line.trim());
    if (!match) continue;
    ran++;
    if (match[1] !== "0") failed.push(`${match[2]} (exit ${match[1]})`);
  }
  return { ran, failed };
}

/**
 * The closing lines of a run.
 * @param {string} log @param {string | undefined} steps
 * @returns {string[]}
 */
export function closingLines(log, steps) {
  const totals = countTests(log);
  const lines = [`test runs read (vitest, Jest, node:test, pytest): ${totals.runs}`];
  let failed = totals.failed;
  if (steps !== undefined) {
    const read = readSteps(steps);
    failed += read.failed.length;
    lines.push(
      read.failed.length === 0
        ? `steps: ${read.ran} run, none failed`
        : `steps: ${read.ran} run, ${read.failed.length} failed: ${read.failed.join(", ")}`,
    );
  }
  lines.push(`${totals.passed} passed, ${failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ""}`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--steps");
  const stepsFile = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const file = args[0];
  if (!file || (at >= 0 && !stepsFile)) {
    console.error("usage: summarize-tests.mjs [--steps <steps file>] <log file>");
    process.exit(2);
  }
  const steps = stepsFile === undefined ? undefined : readFileSync(stepsFile, "utf8");
  for (const line of closingLines(readFileSync(file, "utf8"), steps)) console.log(line);
}
