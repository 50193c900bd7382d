// The budgets of the control plane, data files and isolation. Prints a table; exits 1 when a budget is missed.
// - Pinpoint path throughput >= 0.5x a plain node:http server, with the control plane on, and with isolation and
//   100 tenants (requests rotate over 100 access key ids);
// - loading a data folder of 1,000,000 runs (AWS CLI pages) < 5 s, start to listening, in a fresh process;
// - a page of that journey costs <= 1.5x a page of a journey of 1,000 runs.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJourneyRunsFake, createJourneyRunsStore, EXAMPLE_IDS } from "@journey-runs/msw";
import { startMockServer } from "@journey-runs/msw/server";
import autocannon from "autocannon";
import { median, packageDir, startChild, writeSection } from "./support.js";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 10;
const TENANTS = 100;
const PATH = `/v1/apps/${EXAMPLE_IDS.applicationId}/journeys/${EXAMPLE_IDS.journeyId}/runs`;
// The committed bin shim, as `npx journey-runs-mock` runs it.
const bin = join(packageDir("@journey-runs/msw"), "bin", "journey-runs-mock.js");
const baseline = fileURLToPath(new URL("./fixed-body-server.mjs", import.meta.url));
async function rps(options) {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const keyOf = (index) => `AKIABENCH${String(index).padStart(11, "0")}`;
const authorization = (key) =>
  `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=${"0".repeat(64)}`;

async function throughput() {
  const control = await startChild([bin, "--port", "0", "--quiet", "--runs", "1000"]);
  const noControl = await startChild([bin, "--port", "0", "--quiet", "--runs", "1000", "--no-control"]);
  const isolated = await startChild([
    bin,
    "--port",
    "0",
    "--quiet",
    "--runs",
    "1000",
    "--isolate",
    "--max-tenants",
    String(TENANTS),
  ]);
  const body = await (await fetch(`${control.url}${PATH}`)).text();
  const plain = await startChild([baseline], { FIXED_BODY: body });
  const requests = Array.from({ length: TENANTS }, (_, i) => ({
    method: "GET",
    path: PATH,
    headers: { authorization: authorization(keyOf(i)) },
  }));
  for (const request of requests) {
    const response = await fetch(`${isolated.url}${PATH}`, { headers: request.headers });
    if ((await response.text()).length !== body.length)
      throw new Error("a tenant answered another page than the plain mock");
  }
  try {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const fixed = await rps({ url: `${plain.url}${PATH}` });
      const withControl = await rps({ url: `${control.url}${PATH}` });
      const withoutControl = await rps({ url: `${noControl.url}${PATH}` });
      // The same rotating requests against the plain server, so that autocannon's own cost of a request list
      // (different headers per request) is in both sides of the tenants' ratio.
      const fixedRotating = await rps({ url: plain.url, requests });
      const withTenants = await rps({ url: isolated.url, requests });
      rounds.push({ fixed, withControl, withoutControl, fixedRotating, withTenants });
    }
    return {
      fixed: median(rounds.map((r) => r.fixed)),
      withControl: median(rounds.map((r) => r.withControl)),
      withTenants: median(rounds.map((r) => r.withTenants)),
      withoutControl: median(rounds.map((r) => r.withoutControl)),
      controlRatio: median(rounds.map((r) => r.withControl / r.fixed)),
      onOff: median(rounds.map((r) => r.withControl / r.withoutControl)),
      fixedRotating: median(rounds.map((r) => r.fixedRotating)),
      tenantRatio: median(rounds.map((r) => r.withTenants / r.fixedRotating)),
    };
  } finally {
    await Promise.all([plain.stop(), control.stop(), noControl.stop(), isolated.stop()]);
  }
}

/** A data folder of `runs` runs in one journey, as AWS CLI pages of 100 (made once, kept in the temp folder). */
function dataFolder(runs) {
  const dir = join(tmpdir(), `journey-runs-bench-data-${runs}`);
  const journey = join(dir, "benchapp", "benchjourney");
  if (existsSync(join(journey, "done"))) return dir;
  mkdirSync(journey, { recursive: true });
  const start = Date.parse("2020-01-01T00:00:00.000Z");
  for (let page = 0; page * 100 < runs; page++) {
    const Item = [];
    for (let i = page * 100; i < Math.min(runs, (page + 1) * 100); i++) {
      const time = new Date(start + i * 1000).toISOString();
      Item.push({
        CreationTime: time,
        LastUpdateTime: time,
        RunId: i.toString(16).padStart(32, "0"),
        Status: "COMPLETED",
      });
    }
    writeFileSync(
      join(journey, `page-${page + 1}.json`),
      JSON.stringify({ JourneyRunsResponse: { Item, NextToken: "t" } }, null, 4),
    );
  }
  writeFileSync(join(journey, "done"), "");
  return dir;
}

/** Mean time of one page of 100 (walking the journey by NextToken, wrapping around), in microseconds. */
async function pageCost(fake, pages) {
  const path = "/v1/apps/benchapp/journeys/benchjourney/runs";
  const headers = { get: () => null };
  let token;
  const started = performance.now();
  for (let i = 0; i < pages; i++) {
    const query = `page-size=100${token ? `&token=${encodeURIComponent(token)}` : ""}`;
    const result = await fake.handle({ method: "GET", path, query, headers });
    if (result.status !== 200) throw new Error(`page ${i}: ${result.status}`);
    token = JSON.parse(result.body).NextToken;
  }
  return ((performance.now() - started) * 1000) / pages;
}

const bigDir = dataFolder(1_000_000);
const smallDir = dataFolder(1_000);
const loads = [];
for (let round = 0; round < 3; round++) {
  const child = await startChild([bin, "--port", "0", "--quiet", "--data", bigDir]);
  loads.push(child.ms);
  await child.stop();
}
const loadMs = median(loads);
// The public entry loads data as the bin does (`--data`); the pages are then read in-process, from fakes holding the
// same state with the page cache off: a walk of the 1,000-run journey goes round its 10 pages again and again, which
// the cache would answer from memory while the 1,000,000-run walk never repeats a page. With the cache off, both
// journeys pay for every page, and the ratio says what it is meant to say: how a page's cost grows with the journey.
const uncached = (server) => {
  const store = createJourneyRunsStore({ example: false, pageCacheChars: 0 });
  store.load(server.fake.dump());
  return createJourneyRunsFake({ store });
};
const bigServer = await startMockServer({ port: 0, data: [bigDir] });
const smallServer = await startMockServer({ port: 0, data: [smallDir] });
const big = uncached(bigServer);
const small = uncached(smallServer);
await pageCost(small, 2_000);
await pageCost(big, 2_000);
const costs = [];
for (let round = 0; round < 5; round++)
  costs.push({ small: await pageCost(small, 5_000), big: await pageCost(big, 5_000) });
const pageRatio = median(costs.map((c) => c.big / c.small));
await Promise.all([bigServer.close(), smallServer.close()]);
const t = await throughput();

const ok = {
  load: loadMs < 5000,
  page: pageRatio <= 1.5,
  control: t.controlRatio >= 0.5,
  tenants: t.tenantRatio >= 0.5,
};
const pass = (v) => (v ? "met" : "MISSED");
const table = `| measure | figure | budget |
| --- | --- | --- |
| start with --data of 1,000,000 runs (10,000 AWS CLI pages), to listening | ${Math.round(loadMs)} ms (rounds ${loads.map(Math.round).join(", ")}) | < 5000 ms: ${pass(ok.load)} |
| page of 100 of the 1,000,000-run journey / of a 1,000-run journey (page cache off in both) | ${pageRatio.toFixed(2)}x (${median(costs.map((c) => c.big)).toFixed(0)} us / ${median(costs.map((c) => c.small)).toFixed(0)} us) | <= 1.5x: ${pass(ok.page)} |
| Pinpoint path, control plane on / plain node:http | ${t.controlRatio.toFixed(2)}x (${Math.round(t.withControl)} / ${Math.round(t.fixed)} req/s) | >= 0.5x: ${pass(ok.control)} |
| Pinpoint path, control plane on / off (what the control plane costs) | ${t.onOff.toFixed(2)}x (${Math.round(t.withControl)} / ${Math.round(t.withoutControl)} req/s) | (no budget) |
| Pinpoint path, isolation with ${TENANTS} tenants / plain node:http (same ${TENANTS} rotating requests) | ${t.tenantRatio.toFixed(2)}x (${Math.round(t.withTenants)} / ${Math.round(t.fixedRotating)} req/s) | >= 0.5x: ${pass(ok.tenants)} |`;
console.log(`journey-runs-mock control plane (load average at the end ${loadavg()[0].toFixed(1)})\n${table}`);

writeSection(
  "msw-control",
  `### journey-runs-mock: control plane, data files and isolation

Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, by \`npm run bench\`
(\`tsx src/control.mjs\` in \`tools/bench\`; ${ROUNDS} rounds of \`BENCH_DURATION\` seconds, ${CONNECTIONS} connections, load
average ${loadavg()[0].toFixed(1)} at the end). Throughput ratios are medians of per-round ratios within one run.

${table}`,
);
if (!Object.values(ok).every(Boolean)) process.exitCode = 1;
