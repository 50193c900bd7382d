import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createJourneyRunsClient } from "@journey-runs/client";
import { signRequest } from "../dist/sigv4/sign.js";

const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const server = createServer((_q, r) => {
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
const sign = () =>
  signRequest({
    method: "GET",
    path: "/v1/apps/x/journeys/y/runs",
    query: "page-size=25",
    headers: {
      accept: "application/json",
      "amz-sdk-invocation-id": "0b7e5d0a-9e8c-4f0e-8b1a-2d3c4e5f6a7b",
      "amz-sdk-request": "attempt=1; max=3",
      host: "127.0.0.1:4010",
    },
    credentials,
    region: "us-east-1",
    service: "mobiletargeting",
    time: Date.now(),
  });
const variants: Record<string, () => Promise<unknown>> = {
  bare: async () => (await fetch(url)).json(),
  unsigned: () => unsigned.getJourneyRuns(input),
  signed: () => signed.getJourneyRuns(input),
};
const N = Number(process.argv[2] ?? 20);
for (let i = 0; i < 300; i++) for (const f of Object.values(variants)) await f();
for (let i = 0; i < 2000; i++) await sign();
const samples: Record<string, number[]> = { bare: [], unsigned: [], signed: [], sign: [] };
for (let round = 0; round < N; round++) {
  for (const [name, f] of Object.entries(variants)) {
    const t = performance.now();
    for (let i = 0; i < 100; i++) await f();
    samples[name]!.push(((performance.now() - t) * 1000) / 100);
  }
  const t = performance.now();
  for (let i = 0; i < 1000; i++) await sign();
  samples.sign!.push(((performance.now() - t) * 1000) / 1000);
}
server.close();
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
for (const [k, v] of Object.entries(samples))
  console.log(k.padEnd(10), med(v).toFixed(1), "us", (med(v) / med(samples.bare!)).toFixed(2));
