import { createServer } from "node:http";
import { createJourneyRunsClient } from "./.scratch/dist/index.js";

globalThis.SIGNT = [];
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
const s = createJourneyRunsClient({ endpoint, region: "us-east-1", credentials });
for (let i = 0; i < 3000; i++) await s.getJourneyRuns(input);
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(
  "sign in situ median",
  med(SIGNT.slice(500)).toFixed(1),
  "p10",
  [...SIGNT].sort((a, b) => a - b)[(SIGNT.length / 10) | 0].toFixed(1),
);
server.close();
