import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createJourneyRunsClient } from "@journey-runs/client";

const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
let lastHeaders: Record<string, unknown> = {};
const server = createServer((q, r) => {
  lastHeaders = q.headers;
  r.writeHead(200, { "content-type": "application/json" });
  r.end(body);
});
await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const unsigned = createJourneyRunsClient({ endpoint });
const signed = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials });
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
const url = `${endpoint}/v1/apps/${input.applicationId}/journeys/${input.journeyId}/runs?page-size=25`;
await signed.getJourneyRuns(input);
const signedHeaders = Object.fromEntries(
  Object.entries(lastHeaders).filter(
    ([k]) => !["host", "connection", "user-agent", "accept-encoding", "accept-language", "sec-fetch-mode"].includes(k),
  ),
) as Record<string, string>;
await unsigned.getJourneyRuns(input);
const unsignedHeaders = Object.fromEntries(
  Object.entries(lastHeaders).filter(
    ([k]) => !["host", "connection", "user-agent", "accept-encoding", "accept-language", "sec-fetch-mode"].includes(k),
  ),
) as Record<string, string>;
console.log(signedHeaders, unsignedHeaders);
const variants: Record<string, () => Promise<unknown>> = {
  bare: async () => (await fetch(url)).json(),
  "bare+unsigned headers": async () => (await fetch(url, { headers: unsignedHeaders })).json(),
  "bare+signed headers": async () => (await fetch(url, { headers: signedHeaders })).json(),
  unsigned: () => unsigned.getJourneyRuns(input),
  signed: () => signed.getJourneyRuns(input),
};
const N = Number(process.argv[2] ?? 20);
for (let i = 0; i < 300; i++) for (const f of Object.values(variants)) await f();
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let round = 0; round < N; round++) {
  for (const [name, f] of Object.entries(variants)) {
    const t = performance.now();
    for (let i = 0; i < 100; i++) await f();
    samples[name]!.push(((performance.now() - t) * 1000) / 100);
  }
}
server.close();
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
for (const [k, v] of Object.entries(samples))
  console.log(k.padEnd(24), med(v).toFixed(1), "us", (med(v) / med(samples.bare!)).toFixed(2));
