import { createServer } from "node:http";
import { createJourneyRunsClient } from "@journey-runs/client";
import { signRequest as oldSign } from "./.old/dist/sigv4/sign.js";
import { signRequest as newSign } from "./dist/sigv4/sign.js";

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
  "amz-sdk-invocation-id": "0b7e5d0a-9e8c-4f0e-8b1a-2d3c4e5f6a7b",
  "amz-sdk-request": "attempt=1; max=3",
  host: "127.0.0.1:4010",
};
const path = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const req = () => ({
  method: "GET",
  path,
  query: "page-size=25",
  headers,
  credentials,
  region: "us-east-1",
  service: "mobiletargeting",
  time: Date.now(),
});
const a = await oldSign(req()),
  b = await newSign(req());
if (
  a.headers.authorization.slice(-64) !== b.headers.authorization.slice(-64) &&
  a.headers["x-amz-date"] === b.headers["x-amz-date"]
)
  throw new Error("differ");
const t = { old: [], new: [] };
for (let r = 0; r < 4000; r++) {
  await u.getJourneyRuns(input);
  let s = performance.now();
  await oldSign(req());
  t.old.push((performance.now() - s) * 1000);
  await u.getJourneyRuns(input);
  s = performance.now();
  await newSign(req());
  t.new.push((performance.now() - s) * 1000);
}
const med = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
console.log("old", med(t.old.slice(500)).toFixed(1), "new", med(t.new.slice(500)).toFixed(1));
server.close();
