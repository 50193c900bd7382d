/**
 * `npm run bench` in tools/bench: the peer benchmarks of issue 14, one process each (a fresh heap and module cache
 * per bench), one after the other. Every bench rewrites its own section of docs/benchmarks.md; this exits 1 when any
 * of them missed its budget or failed.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { LOAD_AT_START } from "./report.js";

const benches = ["cold-import.ts", "peer-bundle.ts", "msw-path.ts", "server-peers.ts"];
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
