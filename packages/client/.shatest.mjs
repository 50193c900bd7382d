import { createHash, createHmac, createSecretKey, hash } from "node:crypto";
import { createServer } from "node:http";
import { createJourneyRunsClient } from "@journey-runs/client";
import { hex, hmacHexState, hmacState, sha256 } from "./.sha.mjs";

for (const n of [0, 1, 55, 56, 63, 64, 119, 120, 400, 1000]) {
  const s = "é".repeat(n);
  if (hex(sha256(s)) !== createHash("sha256").update(s).digest("hex")) throw new Error("sha " + n);
}
const key = createHmac("sha256", "k").update("x").digest();
for (const n of [0, 1, 55, 56, 64, 140, 1000]) {
  const s = "a".repeat(n);
  if (hmacHexState(hmacState(key), s) !== createHmac("sha256", key).update(s).digest("hex"))
    throw new Error("hmac " + n);
}
console.log("correct");
const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const server = createServer((q, r) => {
  r.writeHead(200, { "content-type": "application/json" });
  r.end(body);
});
await new Promise((res) => server.listen(0, "127.0.0.1", res));
const u = createJourneyRunsClient({ endpoint: `http://127.0.0.1:${server.address().port}` });
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
const st = hmacState(key),
  ko = createSecretKey(key);
const msg = "AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/mobiletargeting/aws4_request\n" + "a".repeat(64);
const creq =
  "GET\n/v1/apps/x/journeys/y/runs\npage-size=25\n" +
  "header:value-value-value-value\n".repeat(9) +
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const parts = {
  "node hash": () => hash("sha256", creq, "hex"),
  "js sha256": () => hex(sha256(creq)),
  "node hmac keyobj": () => createHmac("sha256", ko).update(msg).digest("hex"),
  "js hmac state": () => hmacHexState(st, msg),
};
const t = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
for (let r = 0; r < 4000; r++) {
  for (const [k, f] of Object.entries(parts)) {
    await u.getJourneyRuns(input);
    const s = performance.now();
    f();
    t[k].push((performance.now() - s) * 1000);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(parts)) console.log(k.padEnd(20), med(t[k].slice(500)).toFixed(1));
server.close();
