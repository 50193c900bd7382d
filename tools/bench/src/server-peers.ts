/**
 * The mock server against Prism (`@stoplight/prism-cli`, mocking the same contract): requests/s with autocannon,
 * 10 keep-alive connections, both servers in their own process, interleaved rounds; the ratio is the median of the
 * per-round ratios. Prism is skipped with a printed reason when it does not start. Writes the `server-peers`
 * section of docs/benchmarks.md. No budget: Prism is shown beside the figures, not held to a ratio.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { int, machineLine, median, writeSection } from "./support.js";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = 3;
const CONNECTIONS = 10;
const START_TIMEOUT_MS = 120_000;
const require = createRequire(import.meta.url);
const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
// Prism checks that the contract's apiKey scheme (the Authorization header) is present; the mock without SigV4
// verification ignores it. Both get the same header.
const headers = {
  authorization:
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/us-east-1/mobiletargeting/aws4_request, " +
    "SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000",
};
const contract = fileURLToPath(new URL("../../../openapi/journey-runs.yaml", import.meta.url));

interface Started {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts `args` with Node and waits for a stdout line that `ready` turns into the server's URL. */
function start(args: string[], ready: (line: string) => string | undefined): Promise<Started> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`did not print its URL within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const url = ready(line);
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready`));
    });
  });
}

/** Starts Prism with its per-request logging off (`-v error`, fairer to it) and waits until it answers. */
async function startPrism(cli: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, [cli, "mock", contract, "-h", "127.0.0.1", "-p", String(port), "-v", "error"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}: ${stderr.trim()}`);
    const answered = await fetch(`${url}${PATH}`, { headers }).then(
      (response) => response.status,
      () => 0,
    );
    if (answered === 200) return { url, child };
    if (answered !== 0) {
      child.kill("SIGKILL");
      throw new Error(`prism answered ${answered} instead of 200`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`prism did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

const stop = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM"));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function load(url: string, duration: number): Promise<{ rps: number; p99: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const mswDir = dirname(require.resolve("@journey-runs/msw/package.json"));
const mock = await start(
  [join(mswDir, "bin", "journey-runs-mock.js"), "--port", "0", "--quiet", "--runs", "1000"],
  (l) => (l.startsWith("http") ? l.trim() : undefined),
);
let prism: Started | undefined;
let skipped = "";
try {
  const prismCli = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
  const port = await freePort();
  prism = await startPrism(prismCli, port);
  await load(`${prism.url}${PATH}`, 1);
} catch (error) {
  skipped = `Prism was skipped: ${(error as Error).message}`;
  console.log(skipped);
  if (prism !== undefined) await stop(prism.child);
  prism = undefined;
}

await load(`${mock.url}${PATH}`, 2);
const rounds: { mock: { rps: number; p99: number }; prism?: { rps: number; p99: number } }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const ours = await load(`${mock.url}${PATH}`, DURATION_S);
  rounds.push({ mock: ours, ...(prism ? { prism: await load(`${prism.url}${PATH}`, DURATION_S) } : {}) });
}
await stop(mock.child);
if (prism !== undefined) await stop(prism.child);

const mockRps = median(rounds.map((r) => r.mock.rps));
const rows = [
  `| \`journey-runs-mock --quiet --runs 1000\` | ${int(mockRps)} | ${median(rounds.map((r) => r.mock.p99))} ms |`,
];
let ratioLine = skipped;
if (prism !== undefined) {
  const prismRounds = rounds.map((r) => r.prism as { rps: number; p99: number });
  rows.push(
    `| Prism 5.14.2 \`prism mock\` | ${int(median(prismRounds.map((r) => r.rps)))} | ${median(prismRounds.map((r) => r.p99))} ms |`,
  );
  const ratios = rounds.map((r) => r.mock.rps / (r.prism?.rps ?? Number.NaN));
  ratioLine = `journey-runs-mock serves **${median(ratios).toFixed(1)}x** Prism's requests/s (median of the rounds' ratios: ${ratios.map((r) => r.toFixed(1)).join(", ")}).`;
}
writeSection(
  "server-peers",
  `## The mock server beside Prism

Command: \`npm run bench\` (runs \`tsx src/server-peers.ts\` in \`tools/bench\`). ${machineLine()}

autocannon, ${CONNECTIONS} keep-alive connections to 127.0.0.1, \`GET ${PATH}\` with an \`Authorization\` header, each
server in its own process; ${ROUNDS} interleaved rounds of ${DURATION_S} s after a warm-up. Prism mocks the same contract
(\`openapi/journey-runs.yaml\`) with its static examples and \`-v error\` (no log line per request); journey-runs-mock answers
from its store (the first page of 25 of 1,000 runs, validation, tokens, request ids, AWS headers).

| server | requests/s (median) | p99 |
|---|---:|---:|
${rows.join("\n")}

${ratioLine}`,
);
console.log(rows.join("\n"));
console.log(ratioLine);
