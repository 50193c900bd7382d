/**
 * Cold import in Node: each sample is a fresh `node` process that times `await import(...)` of one case and prints
 * the milliseconds. Rounds run every case once, in a new random order; the budget is checked on the median over
 * rounds of the per-round ratio of the client to openapi-fetch + aws4fetch (issue 14). Writes the `cold-import`
 * section of docs/benchmarks.md and exits 1 when the budget is missed.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { machineLine, median, quantile, shuffled, verdict, writeSection } from "./report.js";

const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 60);
const BUDGET = 1.5;
const benchDir = fileURLToPath(new URL("..", import.meta.url));

interface Case {
  readonly name: string;
  readonly modules: readonly string[];
}

const cases: readonly Case[] = [
  { name: "openapi-fetch alone", modules: ["openapi-fetch"] },
  { name: "openapi-fetch + aws4fetch", modules: ["openapi-fetch", "aws4fetch"] },
  { name: "@journey-runs/client", modules: ["@journey-runs/client"] },
  { name: "@aws-sdk/client-pinpoint", modules: ["@aws-sdk/client-pinpoint"] },
];
const PEER = "openapi-fetch + aws4fetch";
const OURS = "@journey-runs/client";

/** One fresh process: the time of importing `modules` one after the other, in milliseconds. */
function sample(modules: readonly string[]): number {
  const script =
    "const t = performance.now();" +
    modules.map((m) => `await import(${JSON.stringify(m)});`).join("") +
    "process.stdout.write(String(performance.now() - t));";
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: benchDir, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`[bench] importing ${modules.join(", ")} failed: ${run.stderr.trim()}`);
  return Number(run.stdout);
}

for (const c of cases) sample(c.modules); // the files into the OS cache once
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const ratios = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  const got = new Map<string, number>();
  for (const c of shuffled(cases)) got.set(c.name, sample(c.modules));
  for (const c of cases) {
    times.get(c.name)?.push(got.get(c.name) as number);
    ratios.get(c.name)?.push((got.get(c.name) as number) / (got.get(PEER) as number));
  }
}

const ratio = median(ratios.get(OURS) ?? []);
const ok = ratio <= BUDGET;
const rows = cases.map((c) => {
  const r = ratios.get(c.name) ?? [];
  return `| ${c.name} | ${median(times.get(c.name) ?? []).toFixed(1)} | ${median(r).toFixed(2)} | ${quantile(r, 0.25).toFixed(2)} to ${quantile(r, 0.75).toFixed(2)} |`;
});
writeSection(
  "cold-import",
  `## Cold import in Node (@journey-runs/client against openapi-fetch + aws4fetch)

Command: \`npm run bench\` (runs \`tsx src/cold-import.ts\` in \`tools/bench\`). ${machineLine()}

Each sample is a new \`node\` process that times \`await import()\` of the case (Node's own start-up is not counted).
${ROUNDS} rounds, each running every case once in a random order, after one untimed sample of each: the median time,
and the median over rounds of the ratio to openapi-fetch + aws4fetch of the same round, with the middle half of the
rounds' ratios.

| import | ms (median) | x openapi-fetch + aws4fetch | middle half of rounds |
|---|---:|---:|---:|
${rows.join("\n")}

Budget of issue 14: the client's cold import at most ${BUDGET}x openapi-fetch + aws4fetch: ${verdict(ok)} (${ratio.toFixed(2)}x).`,
);
console.log(rows.join("\n"));
console.log(
  `cold import: client ${ratio.toFixed(2)}x openapi-fetch + aws4fetch (budget <= ${BUDGET}x): ${verdict(ok)}`,
);
process.exitCode = ok ? 0 : 1;
