#!/usr/bin/env node
// @ts-check
/**
 * `npm run lint:contract`: runs `spectral lint` with the arguments it is given (the contracts, `--ruleset`,
 * `--fail-severity`), unchanged, so a person reads Spectral's usual output and exit code. In GitHub Actions
 * (`GITHUB_ACTIONS=true`), unless the arguments choose a `--format` or `--output` themselves, it also
 *
 * - prints Spectral's `github-actions` format after the human output: `::error file=...,line=...,title=<rule>::...`
 *   lines that GitHub shows as annotations on the contract's lines, and
 * - writes a SARIF 2.1.0 log of the same results to `CONTRACT_LINT_SARIF` (default `test-results/contract-lint.sarif`,
 *   from the folder npm runs the script in) for the workflow to upload to code scanning (see sarif-log.mjs for why
 *   it is made from Spectral's `json` format rather than by its `sarif` formatter).
 *
 * Spectral writes paths relative to the folder it runs in (`journey-runs.yaml`); GitHub reads them relative to the
 * repository (`openapi/journey-runs.yaml`), so both outputs are rewritten against `GITHUB_WORKSPACE`.
 *
 * It lives in `spectral/cli/` so that it travels with the ruleset: the tests run the script in a scratch folder that
 * holds a contract and a link to this folder (test/support/cli.ts), as CI runs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { sarifLog } from "./sarif-log.mjs";

const args = process.argv.slice(2);
const choosesOutput = args.some((arg) => /^(-f|--format|-o|--output)([=.]|$)/.test(arg));
const inGitHub = process.env.GITHUB_ACTIONS === "true" && !choosesOutput;
const cwd = process.cwd();
const workspace =
  process.env.GITHUB_WORKSPACE && isAbsolute(process.env.GITHUB_WORKSPACE) ? process.env.GITHUB_WORKSPACE : cwd;

/** A path that Spectral printed relative to `cwd`, made relative to the repository, with forward slashes. */
function fromWorkspace(path) {
  const absolute = resolve(cwd, path);
  const inside = relative(workspace, absolute);
  const found = inside.startsWith("..") || isAbsolute(inside) ? absolute : inside;
  return found.split(sep).join("/");
}

/** Escapes a property of a workflow command as GitHub's toolkit does (`@actions/core`, `escapeProperty`). */
function escapeProperty(value) {
  return value
    .replaceAll("%", "%25")
    .replaceAll("\r", "%0D")
    .replaceAll("\n", "%0A")
    .replaceAll(":", "%3A")
    .replaceAll(",", "%2C");
}

/** Rewrites the `file` of Spectral's `::level props::message` lines and escapes every property. */
function annotations(text) {
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^::(\w+) (.*?)::(.*)$/s.exec(line);
      if (match === null) return line;
      const [, level, props, message] = match;
      const fixed = (props ?? "").split(",").map((prop) => {
        const at = prop.indexOf("=");
        const key = prop.slice(0, at);
        const value = prop.slice(at + 1);
        return `${key}=${escapeProperty(key === "file" ? fromWorkspace(value) : value)}`;
      });
      return `::${level} ${fixed.join(",")}::${message}`;
    })
    .join("\n");
}

const require = createRequire(import.meta.url);
const manifestPath = require.resolve("@stoplight/spectral-cli/package.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const spectral = join(dirname(manifestPath), typeof manifest.bin === "string" ? manifest.bin : manifest.bin.spectral);

const scratch = mkdtempSync(join(tmpdir(), "contract-lint-"));
const stylishFile = join(scratch, "stylish.txt");
const jsonFile = join(scratch, "results.json");
const extra = inGitHub
  ? [
      ...["--format", "stylish", "--format", "github-actions", "--format", "json"],
      // github-actions goes to stdout: yargs also reads `--output.github-actions` as `githubActions`, and Spectral
      // then counts one output too many.
      ...[`--output.stylish=${stylishFile}`, `--output.json=${jsonFile}`],
    ]
  : [];
try {
  // Outside GitHub, Spectral prints straight to the terminal. In GitHub, stdout carries the annotations, which are
  // printed after the human report once their paths are made relative to the repository.
  const result = spawnSync(process.execPath, [spectral, "lint", ...args, ...extra], {
    stdio: inGitHub ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let status = result.status ?? 2;
  if (inGitHub) {
    if (existsSync(stylishFile)) process.stdout.write(readFileSync(stylishFile, "utf8"));
    const lines = annotations(result.stdout ?? "");
    if (lines.length > 0) process.stdout.write(`${lines}\n`);
    if (existsSync(jsonFile)) {
      const target = resolve(cwd, process.env.CONTRACT_LINT_SARIF || join("test-results", "contract-lint.sarif"));
      const log = sarifLog(JSON.parse(readFileSync(jsonFile, "utf8")), {
        version: manifest.version,
        uri: fromWorkspace,
      });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(log, null, 2)}\n`);
      process.stdout.write(`SARIF for code scanning: ${fromWorkspace(target)}\n`);
    } else {
      process.stderr.write("[lint:contract] Spectral wrote no results, so no SARIF file: see its output above.\n");
      if (status === 0) status = 2;
    }
  }
  process.exitCode = status;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
