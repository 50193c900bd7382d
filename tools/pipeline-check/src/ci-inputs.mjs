#!/usr/bin/env node
// @ts-check
/**
 * Prints what CI takes from outside the commit that floats on purpose, and what of it moved since `.ci/inputs.json`
 * recorded it (docs/decisions/0024-ci-inputs.md). Pinned inputs (the npm lockfiles) are not listed here: they cannot
 * move without a commit. A moved input is not a failure by itself; it is named, here and again above CI's closing
 * line, so that a red run that follows is never unexplained.
 *
 * Usage: node ci-inputs.mjs [--moved-file <file>]   (writes one line per moved input there; exit 0 unless misused)
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** dpkg-query's format for "the version only" (a dpkg field, not a JavaScript placeholder). */
const DPKG_VERSION = ["-W", `-f=${"$"}{Version}`];

/**
 * Each floating input: how to read its version on this machine. A command that is missing reads as "absent".
 * `firstWord` keeps the version and drops what describes the machine (`aws --version` names the kernel).
 * @type {ReadonlyArray<{ name: string, command: string, args: string[], firstWord?: boolean }>}
 */
export const FLOATING_INPUTS = Object.freeze([
  { name: "node (the machine's)", command: "node", args: ["--version"] },
  { name: "npm (the machine's)", command: "npm", args: ["--version"] },
  { name: "Debian release", command: "cat", args: ["/etc/debian_version"] },
  { name: "chromium (Debian)", command: "dpkg-query", args: [...DPKG_VERSION, "chromium"] },
  { name: "docker.io (Debian)", command: "dpkg-query", args: [...DPKG_VERSION, "docker.io"] },
  { name: "python3 (the machine's)", command: "python3", args: ["--version"] },
  { name: "boto3 (the machine's)", command: "python3", args: ["-c", "import boto3; print(boto3.__version__)"] },
  { name: "aws cli (the machine's)", command: "aws", args: ["--version"], firstWord: true },
]);

/** @param {string} command @param {string[]} args @param {boolean} [firstWord] @returns {string} */
function readVersion(command, args, firstWord = false) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 20_000 });
  if (result.error || result.status !== 0) return "absent";
  const line = `${result.stdout}${result.stderr}`.trim().split("\n")[0] ?? "";
  const text = firstWord ? (line.split(/\s/)[0] ?? "") : line;
  return text.slice(0, 200) || "absent";
}

/**
 * Compares what this machine has with what was recorded.
 * @param {Record<string, string>} recorded @param {Record<string, string>} now
 * @returns {string[]} one line per input that moved
 */
export function movedInputs(recorded, now) {
  const moved = [];
  for (const [name, version] of Object.entries(now)) {
    const before = Object.hasOwn(recorded, name) ? recorded[name] : undefined;
    if (before === undefined) moved.push(`${name}: not recorded, now ${version}`);
    else if (before !== version) moved.push(`${name}: ${before} -> ${version}`);
  }
  return moved;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--moved-file");
  const movedFile = at >= 0 ? args[at + 1] : undefined;
  /** @type {Record<string, string>} */
  const recorded = JSON.parse(readFileSync(join(repoRoot, ".ci", "inputs.json"), "utf8")).floating;
  /** @type {Record<string, string>} */
  const now = Object.create(null);
  for (const input of FLOATING_INPUTS) now[input.name] = readVersion(input.command, input.args, input.firstWord);
  for (const [name, version] of Object.entries(now)) console.log(`${name.padEnd(26)} ${version}`);
  const moved = movedInputs(recorded, now);
  if (moved.length === 0) console.log("[ci-inputs] nothing floating moved since .ci/inputs.json was recorded");
  for (const line of moved) console.log(`[ci-inputs] moved since .ci/inputs.json: ${line}`);
  if (movedFile) for (const line of moved) appendFileSync(movedFile, `${line}\n`);
}
