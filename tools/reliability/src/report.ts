#!/usr/bin/env node
// `npm run report -w @journey-runs/reliability`: runs the suite and writes docs/reliability.md from that run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runAudit } from "./audit.js";
import { DEFAULT_SEED, propertySettings, RUNS_VARIABLE, SEED_VARIABLE } from "./fc-settings.js";
import { type CheckRecord, RECORD_VARIABLE } from "./record.js";
import { renderReport, type TestResult } from "./render-report.js";

const here = fileURLToPath(new URL("..", import.meta.url));
const doc = fileURLToPath(new URL("../../../docs/reliability.md", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "journey-runs-reliability-"));
const records = join(scratch, "records.jsonl");
const json = join(scratch, "vitest.json");
writeFileSync(records, "");

const started = performance.now();
const run = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`], {
  cwd: here,
  stdio: "inherit",
  env: { ...process.env, [RECORD_VARIABLE]: records },
});
const seconds = (performance.now() - started) / 1000;

const vitest = JSON.parse(readFileSync(json, "utf8")) as {
  testResults: {
    name: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string; duration?: number }[];
  }[];
};
const checks = readFileSync(records, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as CheckRecord);
const results: TestResult[] = vitest.testResults.flatMap((file) =>
  file.assertionResults.map((test) => ({
    file: file.name.slice(here.length).replace(/^\/+/, ""),
    name: [...test.ancestorTitles, test.title].join(" > "),
    title: test.title,
    status: test.status,
    durationMs: test.duration ?? 0,
  })),
);
const audit = runAudit();
const settings = propertySettings(0);
writeFileSync(
  doc,
  renderReport({
    results,
    checks,
    audit: audit.line,
    seconds,
    seed: settings.seed,
    runsOverride: settings.fromEnvironment ? settings.numRuns : undefined,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    defaults: { seed: DEFAULT_SEED, runsVariable: RUNS_VARIABLE, seedVariable: SEED_VARIABLE },
  }),
);
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`wrote ${doc} (${results.length} tests, ${seconds.toFixed(1)} s)\n`);
process.exitCode = run.status ?? 1;
