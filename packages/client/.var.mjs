import { createServer } from "node:http";
import { createJourneyRunsClient } from "./.scratch/dist/index.js";

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
const u = createJourneyRunsClient({ endpoint }),
  s = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials });
const withG = (g, f) => async () => {
  Object.assign(
    globalThis,
    {
      EXTRA: 0,
      STUB: false,
      NOHASH: false,
      NOHMAC: false,
      HMACVIAHASH: false,
      JSSHA: false,
      FAKEPATH: false,
      FAKEQUERY: false,
      FAKEHEADERS: false,
    },
    g,
  );
  return f();
};
const v = {
  bare: withG({}, async () => (await fetch(url)).json()),
  unsigned: withG({}, () => u.getJourneyRuns(input)),
  "signed stub": withG({ STUB: true }, () => s.getJourneyRuns(input)),
  signed: withG({}, () => s.getJourneyRuns(input)),
  "signed, hmac via hash": withG({ HMACVIAHASH: true }, () => s.getJourneyRuns(input)),
  "signed, cached path": withG({ FAKEPATH: true }, () => s.getJourneyRuns(input)),
  "signed, cached query": withG({ FAKEQUERY: true }, () => s.getJourneyRuns(input)),
  "signed, cached headers": withG({ FAKEHEADERS: true }, () => s.getJourneyRuns(input)),
  "signed, no crypto": withG({ NOHASH: true, NOHMAC: true }, () => s.getJourneyRuns(input)),
};
for (let i = 0; i < 500; i++) for (const f of Object.values(v)) await f();
const t = Object.fromEntries(Object.keys(v).map((k) => [k, []]));
for (let r = 0; r < +(process.env.R ?? 150); r++)
  for (const [k, f] of Object.entries(v)) {
    const s0 = performance.now();
    for (let i = 0; i < 20; i++) await f();
    t[k].push(((performance.now() - s0) * 1000) / 20);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(v))
  console.log(
    k.padEnd(20),
    med(t[k]).toFixed(0).padStart(5),
    "us",
    "paired ratio",
    med(t[k].map((x, i) => x / t.bare[i])).toFixed(2),
  );
server.close();
