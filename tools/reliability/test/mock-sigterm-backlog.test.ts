import { Agent } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { get, type MockChild, startMockChild } from "./support/mock-child.js";

// SIGTERM drains the connections the kernel has accepted but the server has not (its listen backlog): a process that
// is not scheduled (here: stopped) while clients connect is what a server under heavy CPU load looks like.

const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
let mock: MockChild | undefined;
afterEach(async () => {
  mock?.child.kill("SIGKILL");
  await mock?.exited;
});

describe("journey-runs-mock stopping with connections in its listen backlog", () => {
  it("answers all 100 requests whose connections the kernel accepted before SIGTERM, and exits 0", async () => {
    mock = await startMockChild([]);
    const { child } = mock;
    child.kill("SIGSTOP");
    const agent = new Agent({ keepAlive: false, maxSockets: 100 });
    let written = 0;
    let allWritten: () => void = () => {};
    const sent = new Promise<void>((resolve) => {
      allWritten = resolve;
    });
    const answers = Promise.all(
      Array.from({ length: 100 }, () => get(`${mock?.url}${PATH}`, {}, agent, () => ++written === 100 && allWritten())),
    );
    await sent;
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill("SIGCONT");
    const statuses = await answers;
    agent.destroy();
    expect(
      statuses.filter((status) => status !== 200),
      `${statuses.filter((s) => s === 200).length} answered; ${mock
        .output()
        .split("\n")
        .filter((l) => l.startsWith("journey-runs-mock"))
        .join(" | ")}`,
    ).toEqual([]);
    expect(await mock.exited).toBe(0);
  }, 30_000);
});
