import { createServer } from "node:http";
import { createJourneyRunsClient } from "@journey-runs/client";

const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const server = createServer((q, r) => {
  r.writeHead(200, { "content-type": "application/json" });
  r.end(body);
});
await new Promise((res) => server.listen(0, "127.0.0.1", res));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
let tFetch = 0,
  tBack = 0;
const myFetch = async (u, i) => {
  tFetch = performance.now();
  const r = await fetch(u, i);
  tBack = performance.now();
  return r;
};
const s = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials, fetch: myFetch });
const u = createJourneyRunsClient({ endpoint, fetch: myFetch });
const v = { unsigned: () => u.getJourneyRuns(input), signed: () => s.getJourneyRuns(input) };
for (let i = 0; i < 500; i++) for (const f of Object.values(v)) await f();
const pre = { unsigned: [], signed: [] },
  net = { unsigned: [], signed: [] },
  post = { unsigned: [], signed: [] };
for (let r = 0; r < 2000; r++)
  for (const [k, f] of Object.entries(v)) {
    const t = performance.now();
    await f();
    const e = performance.now();
    pre[k].push((tFetch - t) * 1000);
    net[k].push((tBack - tFetch) * 1000);
    post[k].push((e - tBack) * 1000);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(v))
  console.log(
    k.padEnd(9),
    "before fetch",
    med(pre[k]).toFixed(0),
    "fetch",
    med(net[k]).toFixed(0),
    "after",
    med(post[k]).toFixed(0),
  );
server.close();
