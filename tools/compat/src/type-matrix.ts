/**
 * The type matrix: a consumer (`type-consumer/`) that imports every public entry, compiled with
 * `skipLibCheck: false` against the types of the packed tarballs, by each TypeScript of `typescripts/` under each
 * module resolution of `typeCells`. Prints a table and exits 1 when a cell does not do what it must.
 *
 * Run: `npm run compat` (turbo builds the packages first).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compatDir, publicPackages, repoRoot } from "./paths.js";
import { TYPESCRIPT_FLOOR, type TypeCell, typeCells } from "./type-cells.js";
import { ensureTypeScripts } from "./typescripts.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const work = mkdtempSync(join(tmpdir(), "journey-runs-types-"));
const tarballs = join(work, "tarballs");
const consumer = join(work, "consumer");

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`[compat] ${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const typescripts = ensureTypeScripts();
mkdirSync(tarballs);
mkdirSync(consumer);
for (const pkg of publicPackages) run(npm, ["pack", "--silent", "--pack-destination", tarballs], pkg.dir);
writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
for (const file of readdirSync(join(compatDir, "type-consumer"))) {
  copyFileSync(join(compatDir, "type-consumer", file), join(consumer, file));
}
const mswRange = (
  JSON.parse(readFileSync(join(publicPackages[2].dir, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.msw;
const nodeTypes = (
  JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  }
).devDependencies["@types/node"];
run(
  npm,
  [
    "install",
    "--no-audit",
    "--no-fund",
    "--prefer-offline",
    ...readdirSync(tarballs).map((file) => join(tarballs, file)),
    `msw@${mswRange}`,
    `@types/node@${nodeTypes}`,
  ],
  consumer,
);

interface Outcome {
  readonly cell: TypeCell;
  readonly result: "passed" | "failed" | "pending" | "not run";
  readonly detail: string;
}

function compile(cell: TypeCell): Outcome {
  const ts = typescripts.find((t) => t.version === cell.typescript);
  if (ts === undefined) return { cell, result: "failed", detail: `TypeScript ${cell.typescript} is not installed` };
  if (cell.expect === "unavailable") return { cell, result: "not run", detail: cell.reason ?? "" };
  const compilerOptions = {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ["node"],
    ...cell.options,
  };
  writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions, files: cell.files }, null, 2));
  const result = spawnSync(process.execPath, [ts.tsc, "-p", "tsconfig.json"], { cwd: consumer, encoding: "utf8" });
  const errors = `${result.stdout}${result.stderr}`.split("\n").filter((line) => line.includes("error TS"));
  const compiled = result.status === 0;
  const first = errors[0]?.slice(0, 160) ?? `tsc exited ${result.status}`;
  if (cell.expect === "fail") {
    return compiled
      ? { cell, result: "failed", detail: `compiles: the floor may be lower than ${TYPESCRIPT_FLOOR}, fix the READMEs` }
      : { cell, result: "passed", detail: `does not compile, as expected (${first})` };
  }
  if (compiled && cell.pending !== undefined) {
    return { cell, result: "passed", detail: "compiles now: remove its pending mark in src/type-cells.ts" };
  }
  if (compiled) return { cell, result: "passed", detail: "compiles" };
  if (cell.pending !== undefined) return { cell, result: "pending", detail: `${cell.pending}; ${first}` };
  return { cell, result: "failed", detail: `${errors.length} errors: ${errors.slice(0, 3).join(" | ")}` };
}

const outcomes = typeCells(typescripts.map((t) => t.version)).map(compile);
const header = ["typescript", "resolution", "consumer", "result", "detail"];
const rows = outcomes.map((o) => [
  o.cell.typescript,
  o.cell.resolution,
  o.cell.reason === "exactOptionalPropertyTypes" ? "exactOptionalPropertyTypes" : "strict",
  o.result,
  o.detail,
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cols: string[]) =>
  cols
    .map((col, i) => col.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
console.log(`\nType matrix (skipLibCheck false, the packed tarballs' types; floor TypeScript ${TYPESCRIPT_FLOOR})`);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
const failed = outcomes.filter((o) => o.result === "failed").length;
console.log(`\n${outcomes.length - failed} cells passed, pending or not run with a reason; ${failed} failed.`);
if (failed === 0) rmSync(work, { recursive: true, force: true });
else console.log(`The consumer project is kept in ${consumer}.`);
process.exitCode = failed === 0 ? 0 : 1;
