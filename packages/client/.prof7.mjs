import { createServer } from "node:http";
import { createJourneyRunsClient } from "./.scratch/dist/index.js";

const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
let last;
const server = createServer((q, r) => {
  last = q.headers;
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
const url = `${endpoint}/v1/apps/${input.applicationId}/journeys/${input.journeyId}/runs?page-size=25`;
const s = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials });
const u = createJourneyRunsClient({ endpoint });
await s.getJourneyRuns(input);
const {
  host,
  connection,
  "user-agent": _a,
  "accept-encoding": _b,
  "accept-language": _c,
  "sec-fetch-mode": _d,
  ...sh
} = last;
const v = {
  bare: async () => (await fetch(url)).json(),
  "bare+signed headers": async () => (await fetch(url, { headers: sh })).json(),
  unsigned: () => u.getJourneyRuns(input),
  signed: () => s.getJourneyRuns(input),
};
for (let i = 0; i < 500; i++) for (const f of Object.values(v)) await f();
const cpu = {},
  wall = {};
for (const k in v) {
  cpu[k] = [];
  wall[k] = [];
}
for (let r = 0; r < Number(process.argv[2] ?? 60); r++)
  for (const [k, f] of Object.entries(v)) {
    const t = performance.now(),
      c0 = process.cpuUsage();
    for (let i = 0; i < 50; i++) await f();
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / 50);
    wall[k].push(((performance.now() - t) * 1000) / 50);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(v))
  console.log(
    k.padEnd(20),
    "cpu",
    med(cpu[k]).toFixed(0),
    "wall",
    med(wall[k]).toFixed(0),
    "ratio(wall)",
    (med(wall[k]) / med(wall.bare)).toFixed(2),
  );
server.close();
