import { createServer } from "node:http";
import { createJourneyRunsClient } from "./.scratch/dist/index.js";

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
const server = createServer((q, r) => {
  r.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11" });
  r.end(body);
});
await new Promise((res) => server.listen(0, "127.0.0.1", res));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
const url = `${endpoint}/v1/apps/${input.applicationId}/journeys/${input.journeyId}/runs?page-size=25`;
const u = createJourneyRunsClient({ endpoint });
const FL = { NOURL: false, NOPAGE: false, NOUUID: false, NODATE: false, NOHEADERS: false };
const withG = (g, f) => async () => {
  Object.assign(globalThis, FL, g);
  return f();
};
const v = {
  bare: withG({}, async () => (await fetch(url)).json()),
  unsigned: withG({}, () => u.getJourneyRuns(input)),
  "no url building": withG({ NOURL: true }, () => u.getJourneyRuns(input)),
  "no page check": withG({ NOPAGE: true }, () => u.getJourneyRuns(input)),
  "no uuid": withG({ NOUUID: true }, () => u.getJourneyRuns(input)),
  "no date parse": withG({ NODATE: true }, () => u.getJourneyRuns(input)),
  "no headers": withG({ NOHEADERS: true }, () => u.getJourneyRuns(input)),
  "none of these": withG({ NOURL: true, NOPAGE: true, NOUUID: true, NODATE: true, NOHEADERS: true }, () =>
    u.getJourneyRuns(input),
  ),
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
    med(t[k].map((x, i) => x / t.bare[i])).toFixed(3),
  );
server.close();
