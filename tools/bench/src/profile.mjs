// npm run bench:profile -w @journey-runs/bench: where journey-runs-mock spends its time per request. Runs the built bin
// under `node --cpu-prof` (keep-alive load from autocannon, 10 connections, as in the throughput bench), then prints
// the functions with the most self time and the most total time, as shares of the profile (idle included: it is the
// time the server waited for requests), plus the server's CPU time per request read from /proc.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE_IDS } from "@journey-runs/msw";
import autocannon from "autocannon";
import { cpuMs, packageDir, startChild } from "./support.js";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
const PATH = `/v1/apps/${EXAMPLE_IDS.applicationId}/journeys/${EXAMPLE_IDS.journeyId}/runs`;
// The committed bin shim, as `npx journey-runs-mock` runs it.
const bin = join(packageDir("@journey-runs/msw"), "bin", "journey-runs-mock.js");
const dir = mkdtempSync(join(tmpdir(), "journey-runs-profile-"));

const { url, child } = await startChild([
  "--cpu-prof",
  `--cpu-prof-dir=${dir}`,
  bin,
  "--port",
  "0",
  "--quiet",
  "--runs",
  "1000",
]);
await autocannon({ url: `${url}${PATH}`, connections: 10, duration: 1 });
const before = cpuMs(child.pid);
const load = await autocannon({ url: `${url}${PATH}`, connections: 10, duration: DURATION_S });
const after = cpuMs(child.pid);
await new Promise((resolve) => child.once("exit", resolve).kill("SIGINT"));

const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
rmSync(dir, { recursive: true, force: true });

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const id of node.children ?? []) parent.set(id, node.id);
const name = (node) => {
  const { functionName, url: where, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${where.split("/").slice(-2).join("/")}${lineNumber >= 0 ? `:${lineNumber + 1}` : ""}`;
};
const self = new Map();
const total = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  all += dt;
  const key = name(nodes.get(id));
  self.set(key, (self.get(key) ?? 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = name(nodes.get(at));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + dt);
  }
});
const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([key, t]) => `| ${((100 * t) / all).toFixed(1)}% | \`${key}\` |`)
    .join("\n");
const cpuPerRequest =
  before === undefined || after === undefined ? undefined : ((after - before) * 1000) / load.requests.total;
process.stdout.write(`journey-runs-mock under node --cpu-prof: ${Math.round(load.requests.average)} requests/s (the profiler slows it), ${
  cpuPerRequest === undefined ? "CPU per request n/a" : `${cpuPerRequest.toFixed(0)} us of CPU per request`
}

Self time:

| share | function |
|---:|---|
${top(self)}

Total time (the function and what it calls):

| share | function |
|---:|---|
${top(total)}
`);
