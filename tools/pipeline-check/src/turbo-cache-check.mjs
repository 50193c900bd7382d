#!/usr/bin/env node
// @ts-check
/**
 * Proves two promises of the turbo pipeline on the real repository (run by .ci/run after `npm test`):
 *
 * 1. `npm run build` twice with nothing changed: the second run restores every task from the cache and prints
 *    `FULL TURBO`.
 * 2. A change to `openapi/journey-runs.yaml` re-runs `generate` and every task after it, and the change reaches the
 *    built types (a new `Status` value appears in `packages/types/dist`). Turbo hashes a task's inputs before its
 *    dependencies run (vercel/turborepo#8051, #13788), so generated files are kept out of git and out of `build`'s
 *    inputs; `build` is keyed on `generate`'s hash instead (docs/decisions/0002-generated-files.md).
 *
 * The contract is restored afterwards, whatever happens, and a last build must again be FULL TURBO.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const contractPath = join(root, "openapi", "journey-runs.yaml");
const builtSchema = join(root, "packages", "types", "dist", "generated", "schema.d.ts");
// Unique per run, so that a variant cached by an earlier run of this check cannot answer for this one.
const marker = `PIPELINECHECK${Date.now().toString(36).toUpperCase()}`;

/** Runs `turbo run build` and returns its output. */
function build() {
  const result = spawnSync(
    "npx",
    ["turbo", "run", "build", "--output-logs=hash-only", "--ui=stream", "--log-order=stream"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    },
  );
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) {
    process.stdout.write(output);
    throw new Error(`turbo run build failed with exit code ${result.status}`);
  }
  return output;
}

/** The tasks that turbo reports as a cache miss, e.g. `@journey-runs/types#generate`. */
function missedTasks(output) {
  const missed = [];
  for (const line of output.split("\n")) {
    const match = /^([^:\s]+):(\S+): cache miss/.exec(line);
    if (match) missed.push(`${match[1]}#${match[2]}`);
  }
  return missed.sort();
}

/**
 * Every task of `turbo run build` that has a script and depends, directly or not, on the contract's lint or on
 * the types' generation: the tasks a contract change must re-run. Read from turbo's own dry-run graph.
 */
function tasksAfterTheContract() {
  const result = spawnSync("npx", ["turbo", "run", "build", "--dry=json"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`turbo run build --dry=json failed: ${result.stderr}`);
  /** @type {{ tasks: { taskId: string; command: string; dependencies: string[] }[] }} */
  const graph = JSON.parse(result.stdout);
  const real = new Map(graph.tasks.filter((t) => t.command !== "<NONEXISTENT>").map((t) => [t.taskId, t]));
  const seeds = new Set(["@journey-runs/contract#lint:contract", "@journey-runs/types#generate"]);
  /** @param {string} id @returns {boolean} */
  const dependsOnContract = (id, seen = new Set()) => {
    if (seeds.has(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    const task = graph.tasks.find((t) => t.taskId === id);
    return (task?.dependencies ?? []).some((dep) => dependsOnContract(dep, seen));
  };
  return [...real.keys()].filter((id) => !seeds.has(id) && dependsOnContract(id)).sort();
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

const original = readFileSync(contractPath, "utf8");
const expectedAfter = tasksAfterTheContract();
try {
  build();
  const second = build();
  check(second.includes("FULL TURBO"), "a second build with nothing changed prints FULL TURBO");
  check(
    missedTasks(second).length === 0,
    `a second build misses no task (missed: ${missedTasks(second).join(", ") || "none"})`,
  );

  const statusEnum = "        - CANCELLED\n      description: |\n        The state of a run.";
  if (!original.includes(statusEnum))
    throw new Error("the contract's JourneyRunStatus enum is not where this check expects it");
  writeFileSync(
    contractPath,
    original.replace(statusEnum, statusEnum.replace("- CANCELLED\n", `- CANCELLED\n        - ${marker}\n`)),
  );
  const changed = build();
  const missed = missedTasks(changed);
  check(!changed.includes("FULL TURBO"), "a build after a contract change is not FULL TURBO");
  for (const task of ["@journey-runs/types#generate", "@journey-runs/types#build"]) {
    check(missed.includes(task), `the contract change re-runs ${task}`);
  }
  console.log(`     tasks re-run after the contract change: ${missed.join(", ")}`);
  for (const task of expectedAfter) {
    check(missed.includes(task), `the contract change re-runs ${task}, which depends on the contract`);
  }
  check(readFileSync(builtSchema, "utf8").includes(marker), "the new Status value reaches packages/types/dist");
} finally {
  writeFileSync(contractPath, original);
}
const restored = build();
check(
  restored.includes("FULL TURBO"),
  "with the contract restored, the build is FULL TURBO again (restored from cache)",
);
check(
  !readFileSync(builtSchema, "utf8").includes(marker),
  "the restored build no longer has the temporary Status value",
);

if (failures > 0) {
  console.error(`turbo cache check: ${failures} check(s) failed`);
  process.exit(1);
}
console.log("turbo cache check: all checks passed");
