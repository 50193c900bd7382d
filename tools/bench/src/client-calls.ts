/**
 * Bundle sizes and per-call time of the client against openapi-fetch alone, aws4fetch + openapi-fetch and
 * @aws-sdk/client-pinpoint, against a local node:http server; rewrites the `client` section of docs/benchmarks.md.
 * Exits 1 when a budget is missed: the app at most 1.15x the aws4fetch + openapi-fetch app (decision 0023); a signed
 * call at most 1.5x and an unsigned one at most 1.2x a bare fetch.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { GetJourneyRunsCommand, PinpointClient } from "@aws-sdk/client-pinpoint";
import { createJourneyRunsClient } from "@journey-runs/client";
import type { paths } from "@journey-runs/types";
import createClient from "openapi-fetch";
import {
  AWS_SDK_APP,
  AWS4FETCH_APP,
  BUNDLE_BUDGET_RATIO,
  bundle,
  CLIENT_APP,
  OPENAPI_FETCH_APP,
  withinBundleBudget,
} from "./bundle.js";
import { writeSection } from "./support.js";

// 200 rounds: the median of per-round ratios moved by up to 0.05 from run to run with 100 on this 2-CPU machine.
const ROUNDS = 200;
const CALLS_PER_ROUND = 30;
const WARMUP = 500;

const body = JSON.stringify({
  Item: [
    {
      CreationTime: "2000-01-01T00:00:00.000Z",
      LastUpdateTime: "2000-01-01T00:00:05.000Z",
      RunId: "99999999998888888888777777777766",
      Status: "COMPLETED",
    },
    {
      CreationTime: "2000-01-01T00:00:10.000Z",
      LastUpdateTime: "2000-01-01T00:00:10.000Z",
      RunId: "ffffffffffeeeeeeeeeeddddddddddcc",
      Status: "SCHEDULED",
    },
  ],
  NextToken: "next",
});
const server = createServer((_request, response) => {
  response.writeHead(200, {
    "content-type": "application/json",
    "x-amzn-requestid": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11",
  });
  response.end(body);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const applicationId = "11111111112222222222333333333344";
const journeyId = "aaaaaaaaaabbbbbbbbbbccccccccccdd";
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};

const unsigned = createJourneyRunsClient({ endpoint });
const signed = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials });
const openapiFetch = createClient<paths>({ baseUrl: endpoint });
const sdk = new PinpointClient({ endpoint, region: "us-east-1", credentials });
const url = `${endpoint}/v1/apps/${applicationId}/journeys/${journeyId}/runs?page-size=25`;
const input = { applicationId, journeyId, pageSize: 25 };

const variants: Record<string, () => Promise<unknown>> = {
  "bare fetch": async () => (await fetch(url)).json(),
  "openapi-fetch alone": () =>
    openapiFetch.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
      params: { path: { "application-id": applicationId, "journey-id": journeyId }, query: { "page-size": 25 } },
    }),
  "@journey-runs/client, unsigned": () => unsigned.getJourneyRuns(input),
  "@journey-runs/client, signed": () => signed.getJourneyRuns(input),
  "@aws-sdk/client-pinpoint, signed": () =>
    sdk.send(new GetJourneyRunsCommand({ ApplicationId: applicationId, JourneyId: journeyId, PageSize: "25" })),
};

for (let i = 0; i < WARMUP; i++) for (const call of Object.values(variants)) await call();
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
// Interleaved rounds: each round times every variant once, so drifts of the machine hit them all alike, in a new
// random order (a variant that follows the AWS SDK's, or any other, starts with colder caches).
for (let round = 0; round < ROUNDS; round++) {
  const order = Object.entries(variants)
    .map((entry) => ({ entry, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ entry }) => entry);
  for (const [name, call] of order) {
    const start = performance.now();
    for (let i = 0; i < CALLS_PER_ROUND; i++) await call();
    samples[name]?.push(((performance.now() - start) * 1000) / CALLS_PER_ROUND);
  }
}
server.close();
sdk.destroy();
/** The value at `fraction` (0.5: the median) of `values` sorted. */
const quantile = (values: number[], fraction: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * fraction)] as number;
const median = (values: number[]) => quantile(values, 0.5);
const times = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
/** Each round's time of a variant divided by the bare fetch's time in the same round. */
const roundRatios = Object.fromEntries(
  Object.entries(samples).map(([name, values]) => [
    name,
    values.map((us, round) => us / (samples["bare fetch"]?.[round] as number)),
  ]),
);
/** The median over rounds of those ratios: what the budgets are checked on. */
const ratios = Object.fromEntries(Object.entries(roundRatios).map(([name, values]) => [name, median(values)]));

const bundles = {
  "@journey-runs/client": await bundle(CLIENT_APP),
  "aws4fetch + openapi-fetch": await bundle(AWS4FETCH_APP),
  "openapi-fetch alone": await bundle(OPENAPI_FETCH_APP),
  "@aws-sdk/client-pinpoint": await bundle(AWS_SDK_APP),
};

const signedRatio = ratios["@journey-runs/client, signed"] as number;
const unsignedRatio = ratios["@journey-runs/client, unsigned"] as number;
const clientBytes = bundles["@journey-runs/client"].gzipped;
const peerBytes = bundles["aws4fetch + openapi-fetch"].gzipped;
const bundleOk = withinBundleBudget(clientBytes, peerBytes);
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ?? "unknown";

const section = `## @journey-runs/client

Command: \`npm run bench\` (runs \`tsx src/client-calls.ts\` in \`tools/bench\`). Machine: Node ${process.version}, ${cpus().length} CPUs (\`nproc\`), ${cpu}, load average ${(loadavg()[0] ?? 0).toFixed(1)} when it started${(loadavg()[0] ?? 0) > cpus().length ? " (busier than its CPUs: the time ratios are noisy)" : ""}. Measured ${new Date().toISOString().slice(0, 10)}.

### Bundle of an app (esbuild, browser, ESM, minified; gzip -9)

The app creates a client with credentials, calls \`getJourneyRuns\` and iterates \`paginateJourneyRuns\` (\`tools/bench/src/bundle.ts\`).

| bundle | minified bytes | gzip -9 bytes |
|---|---:|---:|
${Object.entries(bundles)
  .map(([name, b]) => `| ${name} | ${b.minified.toLocaleString("en")} | ${b.gzipped.toLocaleString("en")} |`)
  .join("\n")}

Budget (decision 0023): \`@journey-runs/client\` at most ${BUNDLE_BUDGET_RATIO}x the aws4fetch + openapi-fetch app, gzip -9: ${verdict(bundleOk)} (${(clientBytes / peerBytes).toFixed(3)}x).

### Time per call to a local node:http server

${ROUNDS} interleaved rounds (each in a random order) of ${CALLS_PER_ROUND} sequential calls of each, after ${WARMUP} warm-up calls of each: the
median time per call, and the median over rounds of the ratio to the bare fetch of the same round (what the budgets
are checked on: a round's ratio is not moved by how busy the machine was in that round), with the middle half of the
rounds' ratios (25th to 75th percentile).

| call | us per call | x bare fetch | middle half of rounds |
|---|---:|---:|---:|
${Object.entries(times)
  .map(([name, us]) => {
    const values = roundRatios[name] as number[];
    const spread = `${quantile(values, 0.25).toFixed(2)} to ${quantile(values, 0.75).toFixed(2)}`;
    return `| ${name} | ${us.toFixed(1)} | ${(ratios[name] as number).toFixed(2)} | ${spread} |`;
  })
  .join("\n")}

Budgets: signed <= 1.5x: ${verdict(signedRatio <= 1.5)} (${signedRatio.toFixed(2)}x); unsigned <= 1.2x: ${verdict(unsignedRatio <= 1.2)} (${unsignedRatio.toFixed(2)}x).
`;

writeSection("client", section);
process.stdout.write(`${section}\n`);
if (!bundleOk || signedRatio > 1.5 || unsignedRatio > 1.2) process.exitCode = 1;
