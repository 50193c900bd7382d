import { createServer } from "node:http";
import { createJourneyRunsClient } from "@journey-runs/client";
import { uuid } from "#crypto";
import { signRequest, T } from "./.sign-instr.mjs";

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
const u = createJourneyRunsClient({ endpoint });
const headers = {
  accept: "application/json",
  "amz-sdk-invocation-id": uuid(),
  "amz-sdk-request": "attempt=1; max=3",
  host: "127.0.0.1:4010",
};
const path = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const all = [];
for (let r = 0; r < 3000; r++) {
  await u.getJourneyRuns(input);
  const s = performance.now();
  await signRequest({
    method: "GET",
    path,
    query: "page-size=25",
    headers,
    credentials,
    region: "us-east-1",
    service: "mobiletargeting",
    time: Date.now(),
  });
  all.push((performance.now() - s) * 1000);
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log("all", med(all).toFixed(1));
for (const k of Object.keys(T)) console.log(k.padEnd(18), med(T[k]).toFixed(1));
server.close();
