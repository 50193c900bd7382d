import { createServer } from "node:http";

const body = JSON.stringify({
  Item: [{ CreationTime: "a", LastUpdateTime: "b", RunId: "c", Status: "COMPLETED" }],
  NextToken: "n",
});
const server = createServer((q, r) => {
  r.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11" });
  r.end(body);
});
await new Promise((res) => server.listen(0, "127.0.0.1", res));
const url = `http://127.0.0.1:${server.address().port}/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs?page-size=25`;
const h3 = {
  accept: "application/json",
  "amz-sdk-invocation-id": "23cabc68-76f7-4579-a092-08155aae4006",
  "amz-sdk-request": "attempt=1; max=3",
};
const h7 = {
  ...h3,
  "x-amz-date": "20261126T074551Z",
  "x-amz-security-token": "token",
  "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  authorization:
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/mobiletargeting/aws4_request, SignedHeaders=accept;amz-sdk-invocation-id;amz-sdk-request;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=aed34ce455ebd88a3b5932f52e6a61a490c8e769c6886422a22b973ca34b74ef",
};
const busy = (us) => {
  const e = performance.now() + us / 1000;
  while (performance.now() < e);
};
const v = {
  bare: async () => (await fetch(url)).json(),
  "bare+3 headers": async () => (await fetch(url, { headers: h3 })).json(),
  "bare+7 headers": async () => (await fetch(url, { headers: h7 })).json(),
  "bare+7 headers (fresh obj)": async () =>
    (
      await fetch(url, { method: "GET", headers: { ...h7, "x-amz-date": new Date().toISOString() }, signal: null })
    ).json(),
  "bare+20us busy": async () => {
    busy(20);
    return (await fetch(url)).json();
  },
  "bare+50us busy": async () => {
    busy(50);
    return (await fetch(url)).json();
  },
};
for (let i = 0; i < 500; i++) for (const f of Object.values(v)) await f();
const t = Object.fromEntries(Object.keys(v).map((k) => [k, []]));
for (let r = 0; r < 200; r++)
  for (const [k, f] of Object.entries(v)) {
    const s = performance.now();
    for (let i = 0; i < 20; i++) await f();
    t[k].push(((performance.now() - s) * 1000) / 20);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(v))
  console.log(
    k.padEnd(30),
    med(t[k]).toFixed(0).padStart(5),
    "us",
    "paired ratio",
    med(t[k].map((x, i) => x / t.bare[i])).toFixed(2),
  );
server.close();
