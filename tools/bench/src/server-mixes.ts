/**
 * The mock server on the request mixes that users produce, each measured as CPU per request of the server process
 * (from /proc) against a node:http server answering every request with the very status and bytes the fake sent for it:
 *
 * - `first page`: the old mix, the first page of the example journey again and again (what the throughput budget of
 *   src/server.mjs measures as requests/s);
 * - `walk of 41 pages`: a journey of 1,000 runs (1,002 with the example's two), pages of 25 asked at random;
 * - `walk of 401 pages`: the same with 10,000 runs;
 * - `test suite`: what a test does over and over: reset, seed 48 runs, read both pages, arm a fault on the next
 *   call, get the 500, read the first page again (10 connections share one server, as parallel test files do).
 *
 * Each mix runs with the page cache at its default and with `pageCacheChars: 0`, so the cache's gain is read on each.
 * Rewrites the `server-mixes` section of docs/benchmarks.md; exits 1 when the 401-page walk is under 0.39x or the
 * first page under 0.65x of node:http.
 */
import { writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Answer, load, type Step, seededRandom, send } from "./load.js";
import { machineLine, median, startChild, verdict, writeSection } from "./support.js";

const DURATION_MS = Number(process.env.BENCH_DURATION ?? 2) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 10;
/** The example journey's ids (the contract's examples). */
const APP = "11111111112222222222333333333344";
const JOURNEY = "aaaaaaaaaabbbbbbbbbbccccccccccdd";
const RUNS_PATH = `/v1/apps/${APP}/journeys/${JOURNEY}/runs`;
const CONTROL = "/_journey-runs-mock";
const mockChild = fileURLToPath(new URL("./mock-child.mjs", import.meta.url));
const baseline = fileURLToPath(new URL("./fixed-body-server.mjs", import.meta.url));

/** A mix: how to build its steps against a fresh server, and which step each connection sends next. */
interface Mix {
  readonly name: string;
  readonly runs: number;
  /** The budget of the fake's CPU per request against node:http's (node:http's over the fake's), if any. */
  readonly budget?: number;
  steps(origin: string, agent: Agent): Promise<Step[]>;
  /** A new order of steps for one load: which step goes next (of `count` steps). */
  order(count: number): () => number;
}

/** The pages of the example journey, page size 25, from the first: their paths. */
async function pagePaths(origin: string, agent: Agent): Promise<string[]> {
  const paths: string[] = [];
  let token: string | undefined;
  do {
    const path = `${RUNS_PATH}?page-size=25${token ? `&token=${encodeURIComponent(token)}` : ""}`;
    paths.push(path);
    const answer = await send(origin, agent, { method: "GET", path }, -1);
    if (answer.status !== 200) throw new Error(`[bench] ${path} answered ${answer.status}`);
    token = (JSON.parse(answer.body) as { NextToken?: string }).NextToken;
  } while (token);
  return paths;
}

/** Pages asked at random, from one seeded sequence (every run asks the same pages in the same order). */
const atRandom = (count: number) => {
  const random = seededRandom(1);
  return () => Math.floor(random() * count);
};

/** Steps in turn, again and again; concurrent requests take the next ones, as parallel tests interleave. */
const inTurn = (count: number) => {
  let at = -1;
  return () => {
    at = (at + 1) % count;
    return at;
  };
};

const walk = (runs: number, budget?: number): Mix => ({
  name: `walk of ${Math.ceil((runs + 2) / 25)} pages (${runs.toLocaleString("en")} runs)`,
  runs,
  ...(budget === undefined ? {} : { budget }),
  steps: async (origin, agent) => (await pagePaths(origin, agent)).map((path) => ({ method: "GET", path })),
  order: atRandom,
});

const mixes: readonly Mix[] = [
  {
    name: "first page (1,000 runs)",
    runs: 1000,
    budget: 0.65,
    steps: async () => [{ method: "GET", path: RUNS_PATH }],
    order: () => () => 0,
  },
  walk(1000),
  walk(10_000, 0.39),
  {
    name: "test suite (reset, seed, pages, fault)",
    runs: 0,
    steps: async (origin, agent) => {
      const reset: Step = { method: "POST", path: `${CONTROL}/reset` };
      await send(origin, agent, reset, -1);
      const seed: Step = {
        method: "POST",
        path: `${CONTROL}/apps/${APP}/journeys/${JOURNEY}/runs`,
        body: JSON.stringify({ runs: 48 }),
      };
      await send(origin, agent, seed, -1);
      const [first, second] = await pagePaths(origin, agent);
      const page1: Step = { method: "GET", path: first as string };
      return [
        reset,
        seed,
        page1,
        { method: "GET", path: second as string },
        { method: "POST", path: `${CONTROL}/faults`, body: JSON.stringify({ kind: "status", status: 500 }) },
        page1,
        page1,
      ];
    },
    order: inTurn,
  },
];

/** One mix with one page-cache setting: the fake's and node:http's CPU per request, per round. */
async function measure(mix: Mix, pageCacheChars: string) {
  const fake = await startChild([mockChild], { RUNS: String(mix.runs), PAGE_CACHE_CHARS: pageCacheChars });
  const agent = new Agent({ keepAlive: true });
  try {
    const steps = await mix.steps(fake.url, agent);
    // What the fake answers each step with, in order, from its state before the load: node:http sends the same.
    if (steps.some((s) => s.path.startsWith(CONTROL))) await send(fake.url, agent, steps[0] as Step, -1);
    const answers: Answer[] = [];
    for (const [index, step] of steps.entries()) answers.push(await send(fake.url, agent, step, index));
    const file = join(tmpdir(), `journey-runs-bench-answers-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(answers));
    const plain = await startChild([baseline], { ANSWERS_FILE: file });
    try {
      const run = (origin: string, pid: number | undefined, ms: number) =>
        load(origin, pid, steps, () => mix.order(steps.length), CONNECTIONS, ms);
      await run(fake.url, fake.child.pid, 1000);
      await run(plain.url, plain.child.pid, 1000);
      const rounds: { fake: number; plain: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const ours = await run(fake.url, fake.child.pid, DURATION_MS);
        const theirs = await run(plain.url, plain.child.pid, DURATION_MS);
        rounds.push({ fake: ours.cpuUs, plain: theirs.cpuUs });
      }
      return {
        fake: median(rounds.map((r) => r.fake)),
        plain: median(rounds.map((r) => r.plain)),
        ratio: median(rounds.map((r) => r.plain / r.fake)),
        statuses: [...new Set(answers.map((a) => a.status))].sort().join("/"),
        steps: steps.length,
      };
    } finally {
      await plain.stop();
    }
  } finally {
    agent.destroy();
    await fake.stop();
  }
}

const rows: string[] = [];
const failed: string[] = [];
for (const mix of mixes) {
  const cached = await measure(mix, "");
  const uncached = await measure(mix, "0");
  const ok = mix.budget === undefined || cached.ratio >= mix.budget;
  if (!ok) failed.push(mix.name);
  const budget = mix.budget === undefined ? "(reported)" : `>= ${mix.budget}x: ${verdict(ok)}`;
  const row =
    `| ${mix.name} | ${cached.steps} | ${cached.statuses} | ${cached.plain.toFixed(1)} | ${cached.fake.toFixed(1)} | ` +
    `**${cached.ratio.toFixed(2)}x** | ${uncached.fake.toFixed(1)} | ${uncached.ratio.toFixed(2)}x | ` +
    `${((1 - uncached.ratio / cached.ratio) * 100).toFixed(0)}% | ${budget} |`;
  rows.push(row);
  console.log(row);
}

writeSection(
  "server-mixes",
  `## journey-runs-mock on the request mixes users produce (CPU per request against node:http)

Command: \`npm run bench\` (runs \`tsx src/server-mixes.ts\` in \`tools/bench\`). ${machineLine()}

Each server in its own process; ${CONNECTIONS} keep-alive connections (autocannon, \`src/load.ts\`); the figure is the
server process's CPU time (user + system, from \`/proc/<pid>/stat\`, 10 ms ticks) per request, so the load
generator's cost never counts. node:http answers every request with the status and bytes the fake sent for that very
step (\`src/fixed-body-server.mjs\`). ${ROUNDS} interleaved rounds of ${DURATION_MS / 1000} s per server after 1 s of
warm-up; medians, and the ratio is the median of the rounds' ratios (node:http's CPU per request over the fake's:
1.00x would be as cheap as node:http). The fake is \`startMockServer\` over a store with the page cache at its default
(256 KiB of text) and with \`pageCacheChars: 0\` (\`src/mock-child.mjs\`). What the cache saves is read from the
ratios, each against node:http in the same rounds (1 - ratio without the cache / ratio with it), not from CPU times
measured minutes apart. Walks ask pages of 25 at random (one seeded order); the test-suite mix sends its steps in
turn, again and again, concurrent requests taking the next ones, all on one store.

| mix | steps | statuses | node:http us/request | fake us/request (cache on) | ratio | fake us/request (cache off) | ratio (cache off) | CPU the cache saves | budget |
|---|---:|---|---:|---:|---:|---:|---:|---:|---|
${rows.join("\n")}`,
);
if (failed.length > 0) console.error(`Missed: ${failed.join(", ")}`);
process.exitCode = failed.length === 0 ? 0 : 1;
