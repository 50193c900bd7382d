import { Agent } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { get, type MockChild, startMockChild } from "./support/mock-child.js";

// The bin outlives its stdout reader (`journey-runs-mock | head -1`), and a signal lets
// requests in flight finish within a grace period, saying in its exit code and log what was cut.

const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
let mock: MockChild | undefined;
afterEach(async () => {
  mock?.child.kill("SIGKILL");
  await mock?.exited;
});

/**
 * Sends `count` requests at once, each on its own connection; `sent` resolves once all are written (and 400 ms more,
 * for the server to accept them), `answers` with their statuses (or error codes).
 */
const inFlight = (url: string, count: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  let written = 0;
  let allSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => {
    allSent = () => setTimeout(resolve, 400);
  });
  const answers = Promise.all(
    Array.from({ length: count }, () => get(`${url}${PATH}`, {}, agent, () => ++written === count && allSent())),
  );
  return { sent, answers };
};

describe("journey-runs-mock as a process", () => {
  it("keeps serving after the reader of its stdout goes away (EPIPE), and still stops with 0", async () => {
    mock = await startMockChild([]);
    // What `| head -1` does: read the first line, then close the pipe.
    mock.child.stdout.destroy();
    const agent = new Agent({ keepAlive: true });
    const statuses = [];
    for (let i = 0; i < 50; i++) statuses.push(await get(`${mock.url}${PATH}`, {}, agent));
    agent.destroy();
    expect(statuses).toEqual(Array(50).fill(200));
    expect(mock.child.exitCode).toBeNull();
    mock.child.kill("SIGTERM");
    expect(await mock.exited).toBe(0);
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "answers all 100 requests in flight when %s arrives (--latency 1000), then exits 0 and says so",
    async (signal) => {
      mock = await startMockChild(["--latency", "1000"]);
      const { sent, answers } = inFlight(mock.url, 100);
      await sent;
      mock.child.kill(signal);
      const statuses = await answers;
      expect(
        statuses.filter((s) => s !== 200),
        mock.output(),
      ).toEqual([]);
      expect(await mock.exited).toBe(0);
      expect(mock.output()).toMatch(/stopped; every request was answered/);
    },
  );

  it("cuts what is still in flight after --grace, exits 1 and says how many were cut", async () => {
    mock = await startMockChild(["--latency", "5000", "--grace", "300"]);
    const { sent, answers } = inFlight(mock.url, 20);
    await sent;
    mock.child.kill("SIGTERM");
    expect(await mock.exited).toBe(1);
    expect(mock.output()).toMatch(/cut 20 request\(s\) still in flight after 300 ms/);
    expect((await answers).every((status) => status !== 200)).toBe(true);
  });
});
