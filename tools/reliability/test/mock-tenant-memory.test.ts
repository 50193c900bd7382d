import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCall } from "./support/control-http.js";
import { type MockChild, startMockChild } from "./support/mock-child.js";

// Tenants share what they only read (the --data runs: one copy for all, copied only by a tenant that changes
// them) and pay for what they write; the journal keeps only the characters it shows.

const RUNS = 200_000;
const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const RUNS_PATH = "/v1/apps/app1/journeys/journey1/runs";

/** A Pinpoint request of tenant `key` (isolation without verification reads the key from the credential scope). */
const pinpoint = (url: string, key: string, path = RUNS_PATH): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=${"0".repeat(64)}`;
    const req = request(`${url}${path}`, { headers: { authorization } }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });

describe("--isolate with --data: tenants share the data's runs", () => {
  let dir: string;
  let mock: MockChild;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jr-tenant-memory-"));
    const runs = Array.from({ length: RUNS }, (_, i) => ({
      CreationTime: new Date(T0 + i * 1000).toISOString(),
      LastUpdateTime: new Date(T0 + i * 1000 + 10).toISOString(),
      RunId: `run-${String(i).padStart(7, "0")}`,
      Status: "COMPLETED",
    }));
    const file = join(dir, "state.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "journey-runs-mock/state",
        version: 1,
        now: "2026-01-01T00:00:00.000Z",
        applications: [{ applicationId: "app1", journeys: [{ journeyId: "journey1", runs }] }],
      }),
    );
    mock = await startMockChild(["--quiet", "--isolate", "--data", file]);
  }, 60_000);
  afterAll(() => {
    mock.child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it(`20 new tenants over ${RUNS.toLocaleString("en")} runs of data add less than 60 MiB in all`, async () => {
    expect((await pinpoint(mock.url, "AKIDWARM")).status).toBe(200);
    const before = mock.memory().rss;
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect((await pinpoint(mock.url, `AKIDTENANT${i}`)).status).toBe(200);
    const elapsed = performance.now() - started;
    const grown = mock.memory().rss - before;
    console.log(`20 tenants: +${grown.toFixed(1)} MiB RSS, ${elapsed.toFixed(0)} ms`);
    expect(grown).toBeLessThan(60);
  }, 120_000);

  it("a tenant that changes a shared run changes it for itself only, and reset brings the data back", async () => {
    const tenant = (key: string) => ({ headers: { "x-journey-runs-mock-tenant": key } });
    const changed = await controlCall(mock.url, "PUT", "/apps/app1/journeys/journey1/runs/run-0000000/status", {
      body: { status: "CANCELLED" },
      ...tenant("AKIDWRITER"),
    });
    expect(changed.status).toBe(200);
    const statusOf = async (key: string) =>
      (JSON.parse((await pinpoint(mock.url, key, `${RUNS_PATH}?page-size=1`)).body) as { Item: { Status: string }[] })
        .Item[0]?.Status;
    expect(await statusOf("AKIDWRITER")).toBe("CANCELLED");
    expect(await statusOf("AKIDREADER")).toBe("COMPLETED");
    expect((await controlCall(mock.url, "POST", "/reset", tenant("AKIDWRITER"))).status).toBe(204);
    expect(await statusOf("AKIDWRITER")).toBe("COMPLETED");
  }, 60_000);
});

describe("the journal keeps what it shows of a request, not the whole request", () => {
  it("1,000 entries per tenant of requests with 15 KB queries, over 8 tenants: under 90 MiB", async () => {
    const mock = await startMockChild(["--quiet", "--isolate"]);
    try {
      const filler = "x".repeat(15_000);
      const base = mock.memory().rss;
      for (let tenant = 0; tenant < 8; tenant++) {
        const batch = [];
        for (let i = 0; i < 1000; i++) {
          batch.push(pinpoint(mock.url, `AKIDJOURNAL${tenant}`, `${RUNS_PATH}?n=${i}&pad=${filler}`));
          if (batch.length === 50) await Promise.all(batch.splice(0));
        }
        await Promise.all(batch);
      }
      const grown = mock.memory().rss - base;
      console.log(`8,000 journal entries of 15 KB requests: +${grown.toFixed(1)} MiB RSS`);
      const entries = (
        await controlCall(mock.url, "GET", "/journal", { headers: { "x-journey-runs-mock-tenant": "AKIDJOURNAL0" } })
      ).json?.entries as { query: string }[];
      expect(entries).toHaveLength(1000);
      expect(entries[0]?.query.length).toBeLessThanOrEqual(2048);
      expect(grown).toBeLessThan(90);
    } finally {
      mock.child.kill("SIGKILL");
    }
  }, 120_000);
});
