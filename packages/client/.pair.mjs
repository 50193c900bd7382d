// Paired, interleaved timing of variants against a local server: median per-call wall time and median paired ratio to bare fetch.
import { createServer } from "node:http";

const libs = process.argv.slice(2);
const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const server = createServer((q, r) => {
  r.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11" });
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
const url = `${endpoint}/v1/apps/${input.applicationId}/journeys/${input.journeyId}/runs?page-size=25`;
const v = { bare: async () => (await fetch(url)).json() };
for (const lib of libs) {
  const { createJourneyRunsClient } = await import(lib);
  const u = createJourneyRunsClient({ endpoint }),
    s = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials });
  v[`${lib} unsigned`] = () => u.getJourneyRuns(input);
  v[`${lib} signed`] = () => s.getJourneyRuns(input);
}
for (let i = 0; i < 500; i++) for (const f of Object.values(v)) await f();
const t = Object.fromEntries(Object.keys(v).map((k) => [k, []]));
const R = +(process.env.R ?? 300),
  C = 20;
for (let r = 0; r < R; r++)
  for (const [k, f] of Object.entries(v)) {
    const s = performance.now();
    for (let i = 0; i < C; i++) await f();
    t[k].push(((performance.now() - s) * 1000) / C);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(v))
  console.log(
    k.padEnd(40),
    med(t[k]).toFixed(0).padStart(5),
    "us",
    "paired ratio",
    med(t[k].map((x, i) => x / t.bare[i])).toFixed(2),
  );
server.close();
