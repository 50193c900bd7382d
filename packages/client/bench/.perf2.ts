import { createHash, createHmac } from "node:crypto";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "../dist/sigv4/canonical.js";
import { signRequest } from "../dist/sigv4/sign.js";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "token",
};
const headers = {
  accept: "application/json",
  "amz-sdk-invocation-id": "0b7e5d0a-9e8c-4f0e-8b1a-2d3c4e5f6a7b",
  "amz-sdk-request": "attempt=1; max=3",
  host: "127.0.0.1:4010",
  "x-amz-date": "20250101T000000Z",
  "x-amz-security-token": "token",
  "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
};
const key = createHmac("sha256", "k").update("x").digest();
const cases: Record<string, () => unknown> = {
  sign: () =>
    signRequest({
      method: "GET",
      path: "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs",
      query: "page-size=25",
      headers,
      credentials,
      region: "us-east-1",
      service: "mobiletargeting",
      time: Date.now(),
    }),
  canonicalHeaders: () => canonicalHeaders(headers),
  canonicalPath: () =>
    canonicalPath("/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs"),
  canonicalQuery: () => canonicalQuery("page-size=25"),
  sha256: () => createHash("sha256").update("x".repeat(300)).digest("hex"),
  hmacHex: () => createHmac("sha256", key).update("x".repeat(140)).digest("hex"),
  date: () => new Date(Date.now()).toISOString().replace(/[-:]|\.\d+/g, ""),
};
for (const [name, f] of Object.entries(cases)) {
  for (let i = 0; i < 5000; i++) await f();
  const runs: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t = performance.now();
    for (let i = 0; i < 2000; i++) await f();
    runs.push(((performance.now() - t) * 1000) / 2000);
  }
  runs.sort((a, b) => a - b);
  console.log(name.padEnd(18), runs[4]!.toFixed(2), "us");
}
