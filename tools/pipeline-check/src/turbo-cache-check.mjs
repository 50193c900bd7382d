#!/usr/bin/env node
// @ts-check
/**
 * Proves two promises of the turbo pipeline on the real repository (run by .ci/run after `npm test`):
 *
 * 1. `npm run build` twice with nothing changed: the second run restores every task from the cache and prints
 *    `FULL TURBO`.
 * 2. A change to `openapi/journey-runs.yaml` re-runs `generate` and every task after it, and the change reaches the
 *    built types (a new `Status` value appears in `packages/types/dist`); it does not re-run the lint of the
 *    control plane's contract.
 * 3. A change to `openapi/journey-runs-mock-control.yaml` (the control plane's contract) re-runs exactly the tasks
 *    that depend on it (its lint, `@journey-runs/msw#generate` and what follows) and nothing else (not the types,
 *    not the client), and the change reaches the built control types of `@journey-runs/msw`. Turbo hashes a task's inputs before its
 *    dependencies run (vercel/turborepo#8051, #13788), so generated files are kept out of git and out of `build`'s
 *    inputs; `build` is keyed on `generate`'s hash instead (docs/decisions/0002-generated-files.md).
 *
 * The contracts are restored afterwards, whatever happens, and a last build must again be FULL TURBO.
 *
 * It works in a copy: a git worktree of HEAD in a temporary folder, installed from the lockfile and built with this
 * repository's turbo cache (so its first build is restored, not rebuilt). The tracked files of the checkout it runs
 * from are never edited, and uncommitted changes there are not what it checks.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const checkout = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const cacheDir = join(checkout, ".turbo", "cache");

/** Runs a command to completion; throws with its output when it fails. */
function mustRun(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stdout.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
  }
  return result.stdout;
}

const root = join(mkdtempSync(join(tmpdir(), "pipeline-check-")), "repo");
mustRun("git", ["worktree", "add", "--detach", root, "HEAD"], checkout);
process.on("exit", () => {
  spawnSync("git", ["worktree", "remove", "--force", root], { cwd: checkout });
  rmSync(dirname(root), { recursive: true, force: true });
  spawnSync("git", ["worktree", "prune"], { cwd: checkout });
});
console.log(`     working in a worktree of HEAD: ${root}`);
mustRun(
  process.execPath,
  [join(root, "tools", "examples", "src", "locked-install.mjs"), root, "--no-audit", "--no-fund", "--prefer-offline"],
  root,
);
const contractPath = join(root, "openapi", "journey-runs.yaml");
const controlPath = join(root, "openapi", "journey-runs-mock-control.yaml");
const builtControl = join(root, "packages", "msw", "dist", "generated", "control.d.ts");
const builtSchema = join(root, "packages", "types", "dist", "generated", "schema.d.ts");
// Unique per run, so that a variant cached by an earlier run of this check cannot answer for this one.
const marker = `PIPELINECHECK${Date.now().toString(36).toUpperCase()}`;

/** Runs `turbo run build` and returns its output. */
function build() {
  const result = spawnSync(
    "npx",
    [
      "turbo",
      "run",
      "build",
      `--cache-dir=${cacheDir}`,
      "--output-logs=hash-only",
      "--ui=stream",
      "--log-order=stream",
    ],
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
function tasksAfter(seeds) {
  const result = spawnSync("npx", ["turbo", "run", "build", "--dry=json"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`turbo run build --dry=json failed: ${result.stderr}`);
  /** @type {{ tasks: { taskId: string; command: string; dependencies: string[] }[] }} */
  const graph = JSON.parse(result.stdout);
  const real = new Map(graph.tasks.filter((t) => t.command !== "<NONEXISTENT>").map((t) => [t.taskId, t]));
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

const PINPOINT_SEEDS = new Set(["@journey-runs/contract#lint:contract:pinpoint", "@journey-runs/types#generate"]);
const CONTROL_SEEDS = new Set(["@journey-runs/contract#lint:contract:control"]);
const original = readFileSync(contractPath, "utf8");
const originalControl = readFileSync(controlPath, "utf8");
const expectedAfter = tasksAfter(PINPOINT_SEEDS);
const expectedAfterControl = tasksAfter(CONTROL_SEEDS);
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
  check(
    !missed.includes("@journey-runs/contract#lint:contract:control"),
    "the Pinpoint contract change does not re-run the lint of the control plane's contract",
  );
} finally {
  writeFileSync(contractPath, original);
}
build();

try {
  // A new word in an operation's summary: it reaches the generated JSDoc without changing a type, so the build stays green.
  const summary = "      summary: Health and readiness\n";
  if (!originalControl.includes(summary)) {
    throw new Error("the control contract's health summary is not where this check expects it");
  }
  writeFileSync(controlPath, originalControl.replace(summary, `      summary: Health and readiness ${marker}\n`));
  const changed = build();
  const missed = missedTasks(changed);
  console.log(`     tasks re-run after the control contract change: ${missed.join(", ")}`);
  for (const task of [
    "@journey-runs/contract#lint:contract:control",
    "@journey-runs/msw#generate",
    "@journey-runs/msw#build",
  ]) {
    check(missed.includes(task), `the control contract change re-runs ${task}`);
  }
  for (const task of expectedAfterControl) {
    check(missed.includes(task), `the control contract change re-runs ${task}, which depends on it`);
  }
  const allowed = new Set([...CONTROL_SEEDS, ...expectedAfterControl]);
  const extra = missed.filter((task) => !allowed.has(task));
  check(
    extra.length === 0,
    `the control contract change re-runs nothing else (also re-run: ${extra.join(", ") || "none"})`,
  );
  for (const task of ["@journey-runs/types#generate", "@journey-runs/types#build", "@journey-runs/client#build"]) {
    check(!missed.includes(task), `the control contract change does not re-run ${task}`);
  }
  check(
    readFileSync(builtControl, "utf8").includes(marker),
    "the new summary reaches packages/msw/dist/generated/control.d.ts",
  );
} finally {
  writeFileSync(controlPath, originalControl);
}
const restored = build();
check(
  restored.includes("FULL TURBO"),
  "with the contracts restored, the build is FULL TURBO again (restored from cache)",
);
check(
  !readFileSync(builtSchema, "utf8").includes(marker),
  "the restored build no longer has the temporary Status value",
);
check(!readFileSync(builtControl, "utf8").includes(marker), "the restored build no longer has the temporary summary");

if (failures > 0) {
  console.error(`turbo cache check: ${failures} check(s) failed`);
  process.exit(1);
}
console.log("turbo cache check: all checks passed");
