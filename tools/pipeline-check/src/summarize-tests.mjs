#!/usr/bin/env node
// @ts-check
/**
 * Reads the log of `npm test` (turbo's streamed output of every workspace's vitest) and prints one closing line,
 * `N passed, N failed` (`, N skipped` when any), summed over every vitest, Jest and node:test run in the log (the examples use the latter two). CI prints it last so that
 * the run's result can be read from one line. It reads vitest's own `Tests  ...` summary lines; it decides nothing:
 * the exit code of `npm test` does.
 *
 * Usage: node summarize-tests.mjs <log file>
 */
import { readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: summarize-tests.mjs <log file of npm test>");
  process.exit(2);
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters by definition.
const log = readFileSync(file, "utf8").replace(/\u001b\[[0-9;]*m/g, "");
const totals = { passed: 0, failed: 0, skipped: 0, runs: 0 };
for (const line of log.split("\n")) {
  // vitest: "      Tests  1 failed | 7 passed | 2 skipped (10)", prefixed by turbo with "pkg:task: ".
  const vitest = /\bTests\s+((?:\d+ \w+(?: \| )?)+)\s+\(\d+\)\s*$/.exec(line);
  // Jest (examples/jest): "Tests:       1 failed, 5 passed, 6 total".
  const jest = /\bTests:\s+((?:\d+ \w+, )*\d+ total)\s*$/.exec(line);
  // node:test (examples/node, examples/storybook): "ℹ pass 4" (spec reporter) or "# pass 4" (TAP).
  const node = /(?:^|: |\s)(?:ℹ|#) (pass|fail|skipped|todo) (\d+)\s*$/.exec(line);
  const parts = vitest?.[1]?.split("|") ?? jest?.[1]?.split(",") ?? (node ? [`${node[2]} ${node[1]}`] : []);
  if (parts.length === 0) continue;
  if (vitest || jest || node?.[1] === "pass") totals.runs++;
  for (const part of parts) {
    const [count, kind] = part.trim().split(" ");
    if (kind === "passed" || kind === "pass") totals.passed += Number(count);
    else if (kind === "failed" || kind === "fail") totals.failed += Number(count);
    else if (kind === "skipped" || kind === "todo") totals.skipped += Number(count);
  }
}
console.log(`test runs read (vitest, Jest, node:test): ${totals.runs}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ""}`,
);
