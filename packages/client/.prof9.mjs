import * as nc from "node:crypto";
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
const input = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
  pageSize: 25,
};
const u = createJourneyRunsClient({ endpoint });
const key = nc.createHmac("sha256", "k").update("x").digest();
const keyObj = nc.createSecretKey(key);
const ipad = Buffer.alloc(64, 0x36),
  opad = Buffer.alloc(64, 0x5c);
for (let i = 0; i < 32; i++) {
  ipad[i] ^= key[i];
  opad[i] ^= key[i];
}
const msg = "AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/mobiletargeting/aws4_request\n" + "a".repeat(64);
const creq =
  "GET\n/v1/apps/x/journeys/y/runs\npage-size=25\n" +
  "header:value\n".repeat(8) +
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const parts = {
  createHash: () => nc.createHash("sha256").update(creq).digest("hex"),
  "crypto.hash": () => nc.hash("sha256", creq, "hex"),
  createHmac: () => nc.createHmac("sha256", key).update(msg).digest("hex"),
  "createHmac(KeyObject)": () => nc.createHmac("sha256", keyObj).update(msg).digest("hex"),
  "hmac via crypto.hash": () =>
    nc.hash(
      "sha256",
      Buffer.concat([opad, nc.hash("sha256", Buffer.concat([ipad, Buffer.from(msg)]), "buffer")]),
      "hex",
    ),
  toISOString: () => new Date(Date.now()).toISOString().replace(/[-:]|\.\d+/g, ""),
  noop: () => 0,
};
const t = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
for (let r = 0; r < 3000; r++) {
  await u.getJourneyRuns(input);
  for (const [k, f] of Object.entries(parts)) {
    const s = performance.now();
    f();
    t[k].push((performance.now() - s) * 1000);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(parts)) console.log(k.padEnd(24), med(t[k].slice(300)).toFixed(1));
server.close();
