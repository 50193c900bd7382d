#!/usr/bin/env node
// @ts-check
/**
 * Reads the log of `npm test` (turbo's streamed output of every workspace's vitest) and prints one closing line,
 * `N passed, N failed` (`, N skipped` when any), summed over every vitest run in the log. CI prints it last so that
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
  const match = /\bTests\s+((?:\d+ \w+(?: \| )?)+)\s+\(\d+\)\s*$/.exec(line);
  if (!match?.[1]) continue;
  totals.runs++;
  for (const part of match[1].split("|")) {
    const [count, kind] = part.trim().split(" ");
    if (kind === "passed" || kind === "failed") totals[kind] += Number(count);
    else if (kind === "skipped" || kind === "todo") totals.skipped += Number(count);
  }
}
console.log(`vitest runs read: ${totals.runs}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ""}`,
);
