/**
 * `npm run bench` (turbo runs it here, the one bench folder): every benchmark, one process each (a fresh heap and
 * module cache per bench), one after the other. Every bench rewrites its own section of docs/benchmarks.md; this
 * exits 1 when any of them missed its budget or failed. `BENCH_ONLY=a.ts,b.mjs` runs only those.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { LOAD_AT_START } from "./support.js";

const ALL = [
  "client-calls.ts",
  "cold-import.ts",
  "peer-bundle.ts",
  "msw-path.ts",
  "server.mjs",
  "server-mixes.ts",
  "control.mjs",
  "server-peers.ts",
];
const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const benches = only ?? ALL;
const unknown = benches.filter((bench) => !ALL.includes(bench));
if (unknown.length > 0)
  throw new Error(`[bench] BENCH_ONLY names no bench: ${unknown.join(", ")}; one of ${ALL.join(", ")}`);
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
console.log(`load average ${LOAD_AT_START.toFixed(1)} at the start`);
const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const file = fileURLToPath(new URL(bench, import.meta.url));
  const run = spawnSync(process.execPath, [tsx, file], { stdio: "inherit" });
  if (run.status !== 0) failed.push(`${bench} (exit ${run.status ?? run.signal})`);
}
if (failed.length > 0) console.error(`\nMissed or failed: ${failed.join(", ")}`);
process.exitCode = failed.length === 0 ? 0 : 1;
