import { createJourneyRunsClient, InternalServerErrorException, NetworkError } from "@journey-runs/client";
import { createJourneyRunsMock, EXAMPLE_IDS } from "@journey-runs/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

const mock = createJourneyRunsMock({ seed: 2 });
const server = setupServer(...mock.handlers);
// A client as apps make it: AWS standard retries (3 attempts), with no real time spent in backoff.
const client = createJourneyRunsClient({
  region: "us-east-1",
  retry: { random: () => 0, quota: false },
});
const input = { applicationId: EXAMPLE_IDS.applicationId, journeyId: EXAMPLE_IDS.journeyId };

// msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame (the compat matrix runs this file with msw 3).
beforeAll(() =>
  server.listen({ onUnhandledRequest: "error", onUnhandledFrame: "error" } as Parameters<typeof server.listen>[0]),
);
afterEach(() => {
  mock.reset();
  mock.clearJournal();
});
afterAll(() => server.close());

const attempts = () => mock.journal().map((entry) => [entry.headers["amz-sdk-request"], entry.status]);

describe("faults per call, with @journey-runs/client and its retries", () => {
  test("failNext(500) fails the whole call: the client sees the error after all its attempts", async () => {
    mock.failNext(500);
    await expect(client.getJourneyRuns(input)).rejects.toBeInstanceOf(InternalServerErrorException);
    expect(attempts()).toEqual([
      ["attempt=1; max=3", 500],
      ["attempt=2; max=3", 500],
      ["attempt=3; max=3", 500],
    ]);
    const ids = new Set(mock.journal().map((entry) => entry.headers["amz-sdk-invocation-id"]));
    expect(ids.size).toBe(1);
    expect((await client.getJourneyRuns(input)).Item).toHaveLength(2);
  });

  test("failNext(500, { scope: 'request' }) fails one attempt: the retry recovers", async () => {
    mock.failNext(500, { scope: "request" });
    expect((await client.getJourneyRuns(input)).Item).toHaveLength(2);
    expect(attempts()).toEqual([
      ["attempt=1; max=3", 500],
      ["attempt=2; max=3", 200],
    ]);
  });

  test("throttle(2) is a burst the client recovers from within its 3 attempts", async () => {
    mock.throttle(2);
    expect((await client.getJourneyRuns(input)).Item).toHaveLength(2);
    expect(attempts().map(([, status]) => status)).toEqual([429, 429, 200]);
  });

  test("networkErrorNext() fails every attempt of the next call", async () => {
    mock.networkErrorNext();
    await expect(client.getJourneyRuns(input)).rejects.toBeInstanceOf(NetworkError);
    expect(attempts().map(([, status]) => status)).toEqual(["network-error", "network-error", "network-error"]);
  });

  test("a call aborted while the fake waits uses up no fault: the next call gets it", async () => {
    mock.setLatency(30);
    mock.failNext(500);
    const controller = new AbortController();
    const aborted = client.getJourneyRuns(input, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(aborted).rejects.toThrow();
    await expect(client.getJourneyRuns(input)).rejects.toBeInstanceOf(InternalServerErrorException);
    expect(attempts().map(([, status]) => status)).toEqual([500, 500, 500]);
  });
});

describe("mock.control", () => {
  test("is the async control API over the same fake", async () => {
    await mock.control.setScene({ journeys: [{ applicationId: "app", journeyId: "j", runs: 3 }] });
    const page = await client.getJourneyRuns({ applicationId: "app", journeyId: "j" });
    expect(page.Item).toHaveLength(3);
    await mock.control.failNext(500);
    await expect(client.getJourneyRuns({ applicationId: "app", journeyId: "j" })).rejects.toBeInstanceOf(
      InternalServerErrorException,
    );
    mock.reset();
    expect((await client.getJourneyRuns({ applicationId: "app", journeyId: "j" })).Item).toHaveLength(3);
    await mock.control.setScene({});
  });
});
