/**
 * Cold import in Node: each sample is a fresh `node` process that times one `await import(...)` and prints the
 * milliseconds. Two ways per case: as users write it, one module with the static imports of the case (written under
 * node_modules/.cold-import, so that the packages resolve as from an app), and as separate dynamic imports one after
 * the other. Rounds run every sample once, in a new random order; the budget is checked on the static way: the median
 * over rounds of the per-round ratio of the client to openapi-fetch + aws4fetch, at most 1.5x. Writes the
 * `cold-import` section of docs/benchmarks.md and exits 1 when the budget is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineLine, median, quantile, shuffled, verdict, writeSection } from "./support.js";

const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 60);
const BUDGET = 1.5;
const benchDir = fileURLToPath(new URL("..", import.meta.url));

interface Case {
  readonly name: string;
  /** The import statements of an app, as users write them. */
  readonly imports: readonly string[];
  /** The packages of those statements, for the dynamic way. */
  readonly modules: readonly string[];
  /** How this sample imports: one static module, or one dynamic import per package. */
  readonly way: "static" | "dynamic";
}

const kinds = [
  { name: "openapi-fetch alone", imports: ['import createClient from "openapi-fetch";'], modules: ["openapi-fetch"] },
  {
    name: "openapi-fetch + aws4fetch",
    imports: ['import createClient from "openapi-fetch";', 'import { AwsClient } from "aws4fetch";'],
    modules: ["openapi-fetch", "aws4fetch"],
  },
  {
    name: "@journey-runs/client",
    imports: ['import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";'],
    modules: ["@journey-runs/client"],
  },
  {
    name: "@aws-sdk/client-pinpoint",
    imports: ['import { GetJourneyRunsCommand, PinpointClient } from "@aws-sdk/client-pinpoint";'],
    modules: ["@aws-sdk/client-pinpoint"],
  },
];
const cases: readonly Case[] = kinds.flatMap((kind) => [
  { ...kind, way: "static" as const },
  { ...kind, way: "dynamic" as const },
]);
const PEER = "openapi-fetch + aws4fetch";
const OURS = "@journey-runs/client";
const key = (c: Case) => `${c.name} (${c.way})`;

/** Where the apps of the static way are written: under node_modules, so bare names resolve as from an app. */
const appsDir = join(benchDir, "node_modules", ".cold-import");
mkdirSync(appsDir, { recursive: true });
const appOf = (c: Case): string => {
  const file = join(appsDir, `${c.modules.join("+").replace(/[@/]/g, "_")}.mjs`);
  writeFileSync(file, `${c.imports.join("\n")}\n`);
  return pathToFileURL(file).href;
};

/** One fresh process: the time of the case's import(s), in milliseconds. */
function sample(c: Case): number {
  const imports =
    c.way === "static"
      ? `await import(${JSON.stringify(appOf(c))});`
      : c.modules.map((m) => `await import(${JSON.stringify(m)});`).join("");
  const script = `const t = performance.now();${imports}process.stdout.write(String(performance.now() - t));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: benchDir, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`[bench] importing ${c.modules.join(", ")} failed: ${run.stderr.trim()}`);
  return Number(run.stdout);
}

for (const c of cases) sample(c); // the files into the OS cache once
const times = new Map<string, number[]>(cases.map((c) => [key(c), []]));
const ratios = new Map<string, number[]>(cases.map((c) => [key(c), []]));
for (let round = 0; round < ROUNDS; round++) {
  const got = new Map<string, number>();
  for (const c of shuffled(cases)) got.set(key(c), sample(c));
  for (const c of cases) {
    const peer = got.get(`${PEER} (${c.way})`) as number;
    times.get(key(c))?.push(got.get(key(c)) as number);
    ratios.get(key(c))?.push((got.get(key(c)) as number) / peer);
  }
}

const ratio = median(ratios.get(`${OURS} (static)`) ?? []);
const dynamicRatio = median(ratios.get(`${OURS} (dynamic)`) ?? []);
const ok = ratio <= BUDGET;
const rows = cases.map((c) => {
  const r = ratios.get(key(c)) ?? [];
  return `| ${c.name} | ${c.way} | ${median(times.get(key(c)) ?? []).toFixed(1)} | ${median(r).toFixed(2)} | ${quantile(r, 0.25).toFixed(2)} to ${quantile(r, 0.75).toFixed(2)} |`;
});
writeSection(
  "cold-import",
  `## Cold import in Node (@journey-runs/client against openapi-fetch + aws4fetch)

Command: \`npm run bench\` (runs \`tsx src/cold-import.ts\` in \`tools/bench\`). ${machineLine()}

Each sample is a new \`node\` process that times one \`await import()\` (Node's own start-up is not counted): *static* is
an app module with the case's import statements, as users write them (\`import { createJourneyRunsClient } from
"@journey-runs/client";\` against \`import createClient from "openapi-fetch"; import { AwsClient } from "aws4fetch";\`),
so the whole graph loads as one; *dynamic* imports each package with its own \`await import()\`, one after the other.
${ROUNDS} rounds, each running every sample once in a random order, after one untimed sample of each: the median time,
and the median over rounds of the ratio to openapi-fetch + aws4fetch imported the same way in the same round, with the
middle half of the rounds' ratios.

| import | way | ms (median) | x openapi-fetch + aws4fetch | middle half of rounds |
|---|---|---:|---:|---:|
${rows.join("\n")}

Budget: the client's cold import as users write it (static) at most ${BUDGET}x openapi-fetch + aws4fetch written the same
way: ${verdict(ok)} (${ratio.toFixed(2)}x; dynamic ${dynamicRatio.toFixed(2)}x).`,
);
console.log(rows.join("\n"));
console.log(
  `cold import: client ${ratio.toFixed(2)}x openapi-fetch + aws4fetch, static (budget <= ${BUDGET}x): ${verdict(ok)}; dynamic ${dynamicRatio.toFixed(2)}x`,
);
process.exitCode = ok ? 0 : 1;
