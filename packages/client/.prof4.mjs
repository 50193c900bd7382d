import { createServer } from "node:http";
import { createJourneyRunsClient } from "@journey-runs/client";
import { hmacHex, sha256Hex, uuid } from "#crypto";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./dist/sigv4/canonical.js";
import { signRequest } from "./dist/sigv4/sign.js";

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
const key = Buffer.alloc(32, 1);
const parts = {
  sign: () =>
    signRequest({
      method: "GET",
      path,
      query: "page-size=25",
      headers,
      credentials,
      region: "us-east-1",
      service: "mobiletargeting",
      time: Date.now(),
    }),
  canonicalHeaders: () =>
    canonicalHeaders({
      ...headers,
      "x-amz-date": "20260101T000000Z",
      "x-amz-security-token": "token",
      "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    }),
  canonicalPath: () => canonicalPath(path),
  canonicalQuery: () => canonicalQuery("page-size=25"),
  sha256Hex: () => sha256Hex("x".repeat(330)),
  hmacHex: () => hmacHex(key, "x".repeat(140)),
  date: () => new Date(Date.now()).toISOString().replace(/[-:]|\.\d+/g, ""),
};
const t = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
for (let r = 0; r < 3000; r++) {
  await u.getJourneyRuns(input);
  for (const [k, f] of Object.entries(parts)) {
    const s = performance.now();
    await f();
    t[k].push((performance.now() - s) * 1000);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(parts)) console.log(k.padEnd(18), med(t[k]).toFixed(1));
server.close();
