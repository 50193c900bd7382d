#!/usr/bin/env node
// @ts-check
/**
 * Runs every example as a user would: packs the three public packages into examples/.tarballs/, then in each
 * examples/<name> runs `npm install` (registry packages from its lockfile, ours from the tarballs) and `npm test`.
 * Prints each example's install and test time and result; exits 1 when any example fails.
 *
 * Usage: node src/run.mjs (EXAMPLES=jest,node to run some only). The packages must be built (turbo does it).
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findExamples } from "./examples.mjs";
import { lockedInstall } from "./locked-install.mjs";
import { stripTarballIntegrity } from "./lockfile.mjs";
import { packAll } from "./pack.mjs";
import { examplesDir, publicPackages } from "./paths.mjs";
import { readTestCounts } from "./summary.mjs";
import { checkInstalledFromTarball } from "./verify.mjs";

const TIMEOUT_MS = 10 * 60_000;

/** The environment of a nested npm: without what the outer `npm run` set for the runner's own workspace. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|init_cwd$)/i.test(key),
  ),
);

/**
 * Runs a command, echoing its output, and resolves with the exit code and what it printed.
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      output += `\n[examples] ${command} ${args.join(" ")} took over ${TIMEOUT_MS / 60_000} minutes: stopped\n`;
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Whether git tracks the file (a lockfile that is committed, not one npm left behind). @param {string} path */
const isCommitted = (path) =>
  spawnSync("git", ["ls-files", "--error-unmatch", path], { cwd: examplesDir, stdio: "ignore" }).status === 0;

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Installs and tests one example; returns its row of the closing table.
 * @param {{ name: string, dir: string }} example
 */
async function runExample({ name, dir }) {
  console.log(`\n== examples/${name}: npm install`);
  const lockPath = join(dir, "package-lock.json");
  // A committed lockfile pins the registry packages and is installed as it is; an example may keep none (exact versions
  // in its package.json), and then whatever npm writes is only a local file. Either way, no tarball integrity survives.
  const committed = isCommitted(lockPath);
  if (!committed) console.log(`[examples] ${name} commits no package-lock.json: registry versions are resolved anew`);
  if (committed) {
    const { stripped } = stripTarballIntegrity(readFileSync(lockPath, "utf8"));
    if (stripped.length > 0)
      return {
        name,
        result: "FAILED",
        detail: `the committed lockfile pins the tarballs (${stripped.join(", ")}): remove their integrity`,
      };
  }
  // Without this npm keeps the installed copy when the tarball's path did not change; the content did. Vite keeps
  // its pre-bundled copy too (node_modules/.vite), keyed on the lockfile, which has no hash of our tarballs.
  rmSync(join(dir, "node_modules", "@journey-runs"), { recursive: true, force: true });
  rmSync(join(dir, "node_modules", ".vite"), { recursive: true, force: true });
  const installStart = performance.now();
  if (committed) {
    // The committed lockfile is the authority: installed as it is, whatever the registry published since.
    const install = lockedInstall(dir, { log: (line) => console.log(line) });
    process.stdout.write(install.output);
    const installMs = performance.now() - installStart;
    if (!install.ok) return { name, result: "FAILED", installMs, detail: install.reason };
    if (install.moved.length > 0) console.log(`[examples] ${name}: the registry moved (${install.moved.join(", ")})`);
    return testExample(name, dir, installMs);
  }
  const install = await run("npm", ["install", "--no-audit", "--no-fund"], dir);
  const installMs = performance.now() - installStart;
  if (install.code !== 0) return { name, result: "FAILED", installMs, detail: `npm install exited ${install.code}` };
  writeFileSync(lockPath, stripTarballIntegrity(readFileSync(lockPath, "utf8")).text);
  return testExample(name, dir, installMs);
}

/**
 * Checks that the tarballs were installed, then runs the example's tests; returns its row of the closing table.
 * @param {string} name @param {string} dir @param {number} installMs
 */
async function testExample(name, dir, installMs) {
  const stale = checkInstalledFromTarball(dir, publicPackages);
  if (stale.length > 0) return { name, result: "FAILED", installMs, detail: stale.join("; ") };

  console.log(`\n== examples/${name}: npm test`);
  const testStart = performance.now();
  const test = await run("npm", ["test"], dir);
  const testMs = performance.now() - testStart;
  const counts = readTestCounts(test.output);
  const skipped = counts?.skipped ? `, ${counts.skipped} skipped` : "";
  const tally = counts
    ? `${counts.runner}: ${counts.passed} passed, ${counts.failed} failed${skipped}`
    : "no vitest, Jest or node:test summary printed";
  if (test.code !== 0)
    return { name, result: "FAILED", installMs, testMs, detail: `npm test exited ${test.code}; ${tally}` };
  // A runner that prints no summary passes on its exit code; a summary without a passed test is a suite that skipped all.
  if (counts && counts.passed === 0)
    return { name, result: "FAILED", installMs, testMs, detail: `${tally}: no test ran` };
  return { name, result: "passed", installMs, testMs, detail: counts ? tally : `exit 0; ${tally}` };
}

const start = performance.now();
console.log("== packing the public packages into examples/.tarballs");
for (const { name, path } of packAll()) console.log(`${name} -> ${path}`);
const examples = findExamples(examplesDir, process.env.EXAMPLES);
const rows = [];
for (const example of examples) rows.push(await runExample(example));

console.log("\n== examples");
for (const row of rows) {
  const times = `install ${row.installMs === undefined ? "-" : seconds(row.installMs)}, test ${row.testMs === undefined ? "-" : seconds(row.testMs)}`;
  console.log(`${row.result.padEnd(6)} ${row.name.padEnd(14)} ${times.padEnd(30)} ${row.detail}`);
}
const failed = rows.filter((row) => row.result !== "passed");
console.log(
  `${rows.length - failed.length} of ${rows.length} examples passed in ${seconds(performance.now() - start)}`,
);
if (rows.length === 0) console.log("[examples] no examples/<name>/package.json with a test script was found");
process.exitCode = failed.length > 0 || rows.length === 0 ? 1 : 0;
