/**
 * A deterministic failure is not retried as if it were transient. A response-header overflow
 * (undici's UND_ERR_HEADERS_OVERFLOW) and a redirect loop end after one request; a reset connection, which may not
 * happen again, is still retried up to maxAttempts.
 */
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import { afterEach, describe, expect, it } from "vitest";
import { INPUT } from "./support/client-stub.js";
import { type FaultyHandler, type FaultyServer, startFaultyServer } from "./support/faulty-server.js";

let server: FaultyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** One call with 3 attempts and no backoff against a server doing `handler`: its outcome and the requests made. */
const call = async (handler: FaultyHandler) => {
  server = await startFaultyServer(handler);
  const client = createJourneyRunsClient({ endpoint: server.url, retry: { maxAttempts: 3, random: () => 0 } });
  const outcome = await client.getJourneyRuns(INPUT).catch((e: unknown) => e);
  return { outcome, requests: server.requests };
};

describe("the client's retries of failures that would fail again", () => {
  it.each([
    [16 * 1024 + 1, "just over"],
    [100 * 1024, "100 KB"],
    [1024 * 1024, "1 MB"],
  ])("does not retry a response header of %i bytes (%s undici's limit): NetworkError, one request", async (size) => {
    const { outcome, requests } = await call((_req, res) => {
      res.writeHead(200, { "x-big": "a".repeat(size), "content-type": "application/json" });
      res.end('{"Item":[]}');
    });
    expect(isJourneyRunsError(outcome, "NetworkError"), String(outcome)).toBe(true);
    expect(outcome).toMatchObject({ retryable: false });
    expect(requests).toBe(1);
  });

  it("does not retry a redirect loop (Location: itself): InvalidResponseError, one request", async () => {
    const { outcome, requests } = await call((req, res) => {
      res.writeHead(302, { location: req.url ?? "/" });
      res.end();
    });
    expect(isJourneyRunsError(outcome, "InvalidResponseError"), String(outcome)).toBe(true);
    expect(requests).toBe(1);
  });

  it("still retries a reset connection up to maxAttempts", async () => {
    const { outcome, requests } = await call((req) => req.socket.destroy());
    expect(isJourneyRunsError(outcome, "NetworkError"), String(outcome)).toBe(true);
    expect(outcome).toMatchObject({ retryable: true });
    expect(requests).toBe(3);
  });
});
