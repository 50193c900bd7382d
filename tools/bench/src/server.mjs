// The mock server's budgets on its first page (the "old mix": one URL asked again and again): throughput against
// node:http sending the same bytes, startup to the first answer, a page of a 1,000,000-run journey against one of
// 1,000. Rewrites the `msw` section of docs/benchmarks.md; exits 1 when a budget is missed.
import { spawn } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createJourneyRunsFake, EXAMPLE_IDS } from "@journey-runs/msw";
import autocannon from "autocannon";
import { cpuMs, median, packageDir, startChild, writeSection } from "./support.js";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = 5;
const LOAD_AT_START = loadavg()[0] ?? 0;
const CONNECTIONS = 10;
const PATH = `/v1/apps/${EXAMPLE_IDS.applicationId}/journeys/${EXAMPLE_IDS.journeyId}/runs`;
// The committed bin shim, as `npx journey-runs-mock` runs it.
const bin = join(packageDir("@journey-runs/msw"), "bin", "journey-runs-mock.js");
const baseline = fileURLToPath(new URL("./fixed-body-server.mjs", import.meta.url));

async function load(url, title, duration) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, title });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50 };
}

/**
 * Throughput of both servers, interleaved over ROUNDS rounds so that a change of the machine's load hits both:
 * the figures are the medians over the rounds, and the ratio is the median of the per-round ratios.
 */
async function throughput() {
  const mock = await startChild([bin, "--port", "0", "--quiet", "--runs", "1000"]);
  try {
    const body = await (await fetch(`${mock.url}${PATH}`)).text();
    const plain = await startChild([baseline], { FIXED_BODY: body });
    try {
      await load(`${plain.url}${PATH}`, "warm-up", 2);
      await load(`${mock.url}${PATH}`, "warm-up", 2);
      const rounds = [];
      for (let round = 0; round < ROUNDS; round++) {
        const fixed = await load(`${plain.url}${PATH}`, "node:http fixed body", DURATION_S);
        const fake = await load(`${mock.url}${PATH}`, "journey-runs-mock", DURATION_S);
        rounds.push({ fixed, fake, ratio: fake.rps / fixed.rps });
      }
      const pick = (side, key) => median(rounds.map((r) => r[side][key]));
      return {
        fixed: { rps: pick("fixed", "rps"), p50: pick("fixed", "p50"), p99: pick("fixed", "p99") },
        fake: { rps: pick("fake", "rps"), p50: pick("fake", "p50"), p99: pick("fake", "p99") },
        ratio: median(rounds.map((r) => r.ratio)),
        ratios: rounds.map((r) => r.ratio),
        bytes: Buffer.byteLength(body),
      };
    } finally {
      await plain.stop();
    }
  } finally {
    await mock.stop();
  }
}

const STARTS = 15;

/**
 * Startup of the bin to its first answer: a fresh process per sample (spawn, listen, print the URL, answer one GET),
 * without SigV4 and with it, and a plain node:http server started the same way, for scale (most of a start is Node's
 * own, which the bin cannot change). The modes take turns sample by sample, so a change of the machine's load weighs
 * on all alike. Where NODE_EXTRA_CA_CERTS is set, the bin is also started without it: Node 20 reads that bundle at
 * every start, before any code of the bin runs, and the bin makes no TLS connection (the Python launcher drops it).
 * Wall time is what a test runner waits; CPU time is steadier on a loaded machine.
 */
async function startup() {
  const keys = { JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: "AKIDBENCH", JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: "bench" };
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutCerts } = process.env;
  const bare = [bin, "--port", "0", "--quiet"];
  const modes = [
    ["plain", bare, process.env],
    ["sigv4", bare, { ...process.env, ...keys }],
    ["node", [baseline], process.env],
    ...(extraCerts === undefined ? [] : [["noCerts", bare, withoutCerts]]),
  ];
  const samples = Object.fromEntries(modes.map(([mode]) => [mode, { wall: [], cpu: [] }]));
  for (let i = 0; i < STARTS; i++) {
    for (const [mode, args, env] of modes) {
      const started = performance.now();
      const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
      const url = await new Promise((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
      await (await fetch(`${url}${PATH}`)).arrayBuffer();
      samples[mode].wall.push(performance.now() - started);
      samples[mode].cpu.push(cpuMs(child.pid));
      await new Promise((resolve) => child.once("exit", resolve).kill("SIGKILL"));
    }
  }
  const result = {};
  for (const [mode, { wall, cpu }] of Object.entries(samples)) {
    result[mode] = { wall: median(wall), cpu: cpu.includes(undefined) ? undefined : median(cpu) };
  }
  return result;
}

const POSITIONS = 40;

/** A fake whose example journey holds `size` runs, and NextTokens at POSITIONS positions spread over it. */
async function journeyOf(size) {
  const fake = createJourneyRunsFake({ seed: size });
  fake.store.example?.addRuns(size - 2);
  const pages = Math.ceil(size / 100);
  const every = Math.max(1, Math.floor(pages / POSITIONS));
  const queries = [];
  let token;
  let page = 0;
  do {
    const result = await fake.handle(request(`page-size=100${token ? `&token=${token}` : ""}`));
    token = JSON.parse(result.body).NextToken;
    if (token && page++ % every === 0 && queries.length < POSITIONS) queries.push(`token=${token}`);
  } while (token);
  return { fake, queries };
}

function request(query) {
  return { method: "GET", path: PATH, query, headers: new Headers() };
}

/** Mean time of one page over a batch of 1,000 pages at the journey's positions, in microseconds. */
async function batch({ fake, queries }, round) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) await fake.handle(request(queries[(i * 7 + round) % queries.length]));
  return Number(process.hrtime.bigint() - started) / 1000 / 1000;
}

/**
 * Time of one page (default page-size) at 1,000 and at 1,000,000 runs. Both journeys live in the same process and
 * their batches alternate, so that garbage collection and the machine's load weigh on both alike.
 */
async function pageTimes() {
  const small = await journeyOf(1_000);
  const large = await journeyOf(1_000_000);
  const times = { small: [], large: [] };
  for (let round = 0; round < 45; round++) {
    const a = await batch(small, round);
    const b = await batch(large, round);
    if (round >= 5) {
      times.small.push(a);
      times.large.push(b);
    }
  }
  return { small: median(times.small), large: median(times.large) };
}

const started = await startup();
const { fixed, fake, bytes, ratio, ratios } = await throughput();
const { small, large } = await pageTimes();
const pageRatio = large / small;
// Budgets: at least 0.65x plain node:http with keep-alive, first answer under 180 ms without SigV4 (and without a CA
// bundle for Node to read at start, where the machine sets one: the bin's start is what the budget holds).
const startupWall = (started.noCerts ?? started.plain).wall;
const ok = { throughput: ratio >= 0.65, page: pageRatio <= 1.5, startup: startupWall < 180 };
const cpuText = (ms) => (ms === undefined ? "n/a" : `${ms.toFixed(0)} ms`);
const cpu = cpus();
const machine = `${cpu[0]?.model ?? "unknown CPU"} x ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const pass = (yes) => (yes ? "pass" : "**FAIL**");

const section = `### @journey-runs/msw

Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, by \`npm run bench\`
(\`tsx src/server.mjs\` in \`tools/bench\`; ${ROUNDS} interleaved rounds of \`BENCH_DURATION\` seconds per server, default 5,
after a 2 s warm-up of each; load average ${LOAD_AT_START.toFixed(1)} when it started, on ${cpu.length} CPUs).

**Throughput** (autocannon, ${CONNECTIONS} connections, 127.0.0.1, \`GET ${PATH}\`, first page of 25 of the example
journey with \`--runs 1000\`, ${bytes} bytes with a \`NextToken\`; both servers in their own process, same run):

| server | requests/s | p50 | p99 |
|---|---:|---:|---:|
| plain node:http, fixed body of the same bytes | ${Math.round(fixed.rps)} | ${fixed.p50} ms | ${fixed.p99} ms |
| \`journey-runs-mock --quiet --runs 1000\` | ${Math.round(fake.rps)} | ${fake.p50} ms | ${fake.p99} ms |

Requests/s and latencies are medians over the rounds. Ratio **${ratio.toFixed(2)}x**, the median of the rounds'
ratios (${ratios.map((r) => r.toFixed(2)).join(", ")}) (budget >= 0.65x): ${pass(ok.throughput)}.

**Startup to the first answer** (a fresh process per sample: spawn, listen, one GET; the modes take turns, median of
${STARTS} each; CPU is the child's user + system time, steadier than wall time on a loaded machine):

| mode | wall time | CPU time |
|---|---:|---:|
| \`journey-runs-mock --port 0 --quiet\`, without SigV4 | ${started.plain.wall.toFixed(0)} ms | ${cpuText(started.plain.cpu)} |
| the same with SigV4 (the verifier is loaded) | ${started.sigv4.wall.toFixed(0)} ms | ${cpuText(started.sigv4.cpu)} |
| for scale: a plain node:http server (\`src/fixed-body-server.mjs\`) | ${started.node.wall.toFixed(0)} ms | ${cpuText(started.node.cpu)} |
${started.noCerts === undefined ? "" : `| the bin without SigV4, \`NODE_EXTRA_CA_CERTS\` unset | ${started.noCerts.wall.toFixed(0)} ms | ${cpuText(started.noCerts.cpu)} |\n`}
What the bin adds to Node's own start: ${(started.plain.wall - started.node.wall).toFixed(0)} ms wall, ${started.plain.cpu === undefined || started.node.cpu === undefined ? "n/a" : `${(started.plain.cpu - started.node.cpu).toFixed(0)} ms`} CPU.${
  started.noCerts === undefined
    ? ""
    : ` This machine sets \`NODE_EXTRA_CA_CERTS\`: Node 20 reads that CA bundle at every start, before the bin's first line
runs (${(started.plain.wall - started.noCerts.wall).toFixed(0)} ms wall here). The bin makes no TLS connection, so the budget is held on the start without it, and the Python
launcher starts the bin without it.`
}

Without SigV4 (budget < 180 ms): ${startupWall.toFixed(0)} ms, ${pass(ok.startup)}.

**One page at 1,000 vs 1,000,000 runs** (\`fake.handle\` in-process, default page-size 25, a \`token\` at a random
position among ${POSITIONS} spread over the journey (tokens verified once are cached, as in the server); both
journeys in one process, their batches of 1,000 pages alternating; median of 40 batches after 5 of warm-up):

| runs in the journey | time of one page |
|---:|---:|
| 1,000 | ${small.toFixed(2)} us |
| 1,000,000 | ${large.toFixed(2)} us |

Ratio **${pageRatio.toFixed(2)}x** (budget <= 1.5x): ${pass(ok.page)}.
`;

writeSection("msw", section);
process.stdout.write(`${section}\n`);
if (!ok.throughput || !ok.page || !ok.startup) process.exitCode = 1;
