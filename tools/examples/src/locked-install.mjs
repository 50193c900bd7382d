#!/usr/bin/env node
// @ts-check
/**
 * Installs a project from its committed package-lock.json, so that what is installed is a function of the commit and
 * not of the day (docs/decisions/0024-ci-inputs.md).
 *
 * `npm ci` installs exactly the lockfile, but it also refuses a lockfile that npm would now write differently, and
 * that depends on the registry as well as on the commit: a package that a locked dependency declares as optional and
 * that was not yet published when the lockfile was written (vite 8.4.0's `napi-windows-process-start-time`, published
 * later) is "Missing: ... from lock file" the day it appears. So this tells the two causes apart:
 *
 * - **Drift** (the commit's fault): a package.json of the project (the root or a workspace) declares dependencies that
 *   its lockfile entry does not. This fails, naming what differs and what to commit.
 * - **The registry moved** (not the commit's fault): every declaration matches, and npm still finds entries missing.
 *   Those can only be optional packages of locked dependencies published after the lockfile was written. It prints
 *   what moved, installs the committed tree plus those optional entries (npm ci skips the ones for other platforms),
 *   and leaves the committed lockfile as it was.
 *
 * Usage: node locked-install.mjs <dir> [npm ci arguments...]   (exit 0 installed, 1 drift or failure)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const DEPENDENCY_FIELDS = Object.freeze([
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
]);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** What one npm command may print before it is cut: a lockfile diff is small, a runaway log is not. */
const MAX_OUTPUT = 16 * 1024 * 1024;

/** @typedef {Record<string, Record<string, unknown>>} LockPackages */

/** @param {unknown} value @returns {Record<string, string>} */
const dependencyMap = (value) => {
  /** @type {Record<string, string>} */
  const map = Object.create(null);
  if (value === null || typeof value !== "object") return map;
  for (const [name, range] of Object.entries(value)) if (typeof range === "string") map[name] = range;
  return map;
};

/**
 * The project's own declarations that its lockfile does not record: one line each, empty when they agree.
 * Looks at the root and every workspace entry of the lockfile (the keys without `node_modules/`).
 * @param {string} dir the project @param {{ packages?: LockPackages }} lock
 * @returns {string[]}
 */
export function declarationDrift(dir, lock) {
  const packages = lock.packages ?? {};
  /** @type {string[]} */
  const drift = [];
  for (const [key, entry] of Object.entries(packages)) {
    if (key.includes("node_modules/") || entry === null || typeof entry !== "object") continue;
    const manifestPath = join(dir, key, "package.json");
    if (!existsSync(manifestPath)) {
      drift.push(`${key || "."}: the lockfile lists a workspace whose package.json is gone`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const where = key === "" ? "package.json" : `${key}/package.json`;
    for (const field of DEPENDENCY_FIELDS) {
      const declared = dependencyMap(manifest[field]);
      const locked = dependencyMap(entry[field]);
      for (const name of Object.keys(declared)) {
        if (!(name in locked)) drift.push(`${where} ${field} has ${name}@${declared[name]}, the lockfile does not`);
        else if (locked[name] !== declared[name])
          drift.push(`${where} ${field} has ${name}@${declared[name]}, the lockfile ${name}@${locked[name]}`);
      }
      for (const name of Object.keys(locked))
        if (!(name in declared)) drift.push(`${where} ${field} no longer has ${name}, the lockfile still does`);
    }
  }
  return drift;
}

/**
 * What a lockfile npm writes today adds to the committed one. Every entry the committed lockfile has must be there
 * unchanged; the additions must all be optional.
 * @param {LockPackages} committed @param {LockPackages} fresh
 * @returns {{ added: string[], problems: string[] }}
 */
export function compareLockPackages(committed, fresh) {
  /** @type {string[]} */
  const added = [];
  /** @type {string[]} */
  const problems = [];
  for (const [key, entry] of Object.entries(committed)) {
    const now = fresh[key];
    if (now === undefined) problems.push(`${key} is gone`);
    else if (key.includes("node_modules/") && (now.version !== entry.version || now.resolved !== entry.resolved))
      problems.push(`${key} moved from ${entry.version} to ${now.version}`);
  }
  for (const [key, entry] of Object.entries(fresh)) {
    if (key in committed) continue;
    const platform = [entry.os && `os ${entry.os}`, entry.cpu && `cpu ${entry.cpu}`].filter(Boolean).join(", ");
    const line = `${key.replace(/^.*node_modules\//, "")}@${entry.version}${platform ? ` (${platform})` : ""}`;
    if (entry.optional === true) added.push(line);
    else problems.push(`${line} is new and not optional`);
  }
  return { added, problems };
}

/**
 * @param {string[]} args @param {string} cwd
 * @returns {{ status: number, output: string }}
 */
function runNpm(args, cwd) {
  const result = spawnSync(npm, args, { cwd, encoding: "utf8", maxBuffer: MAX_OUTPUT });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  return { status: result.error ? 1 : (result.status ?? 1), output: result.error ? String(result.error) : output };
}

/**
 * Installs `dir` from its committed lockfile (see the module comment).
 * @param {string} dir
 * @param {{ ciArgs?: string[], log?: (line: string) => void }} [options]
 * @returns {{ ok: true, moved: string[], output: string } | { ok: false, reason: string, output: string }}
 */
export function lockedInstall(dir, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const ciArgs = options.ciArgs ?? ["--no-audit", "--no-fund"];
  const lockPath = join(dir, "package-lock.json");
  if (!existsSync(lockPath)) return { ok: false, reason: `${lockPath} does not exist: commit one`, output: "" };
  const committedText = readFileSync(lockPath, "utf8");
  const committed = JSON.parse(committedText);
  const drift = declarationDrift(dir, committed);
  if (drift.length > 0) {
    return {
      ok: false,
      reason: `package-lock.json is out of date with package.json (${drift.join("; ")}): run npm install there and commit the lockfile it writes`,
      output: "",
    };
  }
  const first = runNpm(["ci", ...ciArgs], dir);
  if (first.status === 0) return { ok: true, moved: [], output: first.output };
  if (!/Missing: .* from lock file/.test(first.output))
    return { ok: false, reason: `npm ci exited ${first.status}`, output: first.output };

  // Every declaration matches, yet npm finds entries missing: ask npm what it would write today, without installing.
  const fresh = runNpm(["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], dir);
  const freshText = readFileSync(lockPath, "utf8");
  writeFileSync(lockPath, committedText);
  if (fresh.status !== 0)
    return { ok: false, reason: `npm install --package-lock-only exited ${fresh.status}`, output: fresh.output };
  const { added, problems } = compareLockPackages(committed.packages ?? {}, JSON.parse(freshText).packages ?? {});
  if (problems.length > 0 || added.length === 0) {
    return {
      ok: false,
      reason: `npm ci refused the lockfile and the cause is not an optional package published later: ${problems.join("; ") || "npm adds nothing"}`,
      output: `${first.output}${fresh.output}`,
    };
  }
  log(
    `[locked-install] the registry moved under ${lockPath}: it now publishes optional ${added.length === 1 ? "package" : "packages"} ` +
      `${added.join(", ")} that locked dependencies declare and the committed lockfile does not list. Installing the ` +
      "committed tree plus these optional entries (npm skips those for other platforms); the committed lockfile is left " +
      "as it is (commit the one `npm install` writes to make this note go away).",
  );
  writeFileSync(lockPath, freshText);
  try {
    const second = runNpm(["ci", ...ciArgs], dir);
    if (second.status !== 0)
      return {
        ok: false,
        reason: `npm ci exited ${second.status} with the optional entries added`,
        output: second.output,
      };
    return { ok: true, moved: added, output: second.output };
  } finally {
    writeFileSync(lockPath, committedText);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir, ...ciArgs] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: locked-install.mjs <dir> [npm ci arguments...]");
    process.exit(2);
  }
  const result = lockedInstall(dir, ciArgs.length > 0 ? { ciArgs } : {});
  process.stdout.write(result.output);
  if (!result.ok) {
    console.error(`[locked-install] ${dir}: ${result.reason}`);
    process.exit(1);
  }
}
