import { Agent } from "node:http";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { propertySettings } from "../src/fc-settings.js";
import { get, type MockChild, startMockChild } from "./support/mock-child.js";

// In SigV4 mode, requests that know the access key id but not the secret must cost the server no
// lasting memory, whatever Region, date or signature they name. The bin runs with a 16 MB heap: a server that keeps
// anything per unauthenticated request (a signer per Region, a cache filled before the signature is compared) aborts.

const KEY = { JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: "AKIDMEMORY", JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: "memory/secret" };
const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const REQUESTS = 20_000;

let mock: MockChild | undefined;
afterEach(async () => {
  mock?.child.kill("SIGKILL");
  await mock?.exited;
});

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

describe("journey-runs-mock (SigV4) under unauthenticated load", () => {
  it(`answers ${REQUESTS.toLocaleString("en")} forged requests naming random 1-2 KB Regions with 403 in a 16 MB heap, then still serves a signed one`, {
    timeout: 180_000,
  }, async () => {
    mock = await startMockChild(["--quiet"], { nodeFlags: ["--max-old-space-size=16"], env: KEY });
    const { seed } = propertySettings(1);
    const regions = fc.sample(
      fc.string({
        unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-"),
        minLength: 1_000,
        maxLength: 2_000,
      }),
      { seed, numRuns: REQUESTS },
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const before = mock.memory();
    const statuses = new Map<number | string, number>();
    const now = Date.now();
    for (let i = 0; i < REQUESTS; i += 16) {
      const batch = regions.slice(i, i + 16).map((region) => {
        const date = amzDate(now);
        const authorization = `AWS4-HMAC-SHA256 Credential=${KEY.JOURNEY_RUNS_MOCK_ACCESS_KEY_ID}/${date.slice(0, 8)}/${region}/mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`;
        return get(`${mock?.url}${PATH}`, { authorization, "x-amz-date": date }, agent);
      });
      for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    agent.destroy();
    const after = mock.memory();
    console.info(
      `[reliability] ${REQUESTS} forged requests: RSS ${before.rss.toFixed(0)} -> ${after.rss.toFixed(0)} MiB, peak ${after.peak.toFixed(0)} MiB`,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 403: REQUESTS });
    expect(mock.child.exitCode).toBeNull();
    // Still alive and still serving: an unsigned request is refused in the AWS shape, not by a dead socket.
    expect(await get(`${mock.url}${PATH}`, {}, new Agent())).toBe(403);
  });
});
