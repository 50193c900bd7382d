import { connectJourneyRunsControl, type JourneyRunsControl } from "@journey-runs/msw/control";
import { createJourneyRunsFake, createLocalControl } from "@journey-runs/msw/core";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, beforeAll, expect, test } from "vitest";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, control: true });
});
afterAll(() => server.close());

const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "",
    (error: unknown) => (error as Error).message,
  );

/** The hints of the misuses whose in-process message names a JavaScript call. */
async function hints(control: JourneyRunsControl) {
  await control.resetAll();
  await control.addJourney("app", "j");
  return [
    await messageOf(control.addRuns("no app", "j", 1)),
    await messageOf(control.advanceClock(-1)),
    await messageOf(control.advanceClock(Number.MAX_SAFE_INTEGER)),
    await messageOf(
      control.addRuns(
        "app",
        "j",
        Array.from({ length: 10_001 }, () => ({})),
      ),
    ),
  ];
}

test("control-plane errors name HTTP routes to HTTP callers, and JavaScript calls in process", async () => {
  const remote = await hints(connectJourneyRunsControl(server.url));
  expect(remote[0]).toContain("create it with PUT /_journey-runs-mock/apps/no%20app/journeys/j.");
  expect(remote[1]).toContain('POST /_journey-runs-mock/clock/advance takes "ms"');
  expect(remote[2]).toContain("POST /_journey-runs-mock/clock/advance would move the clock");
  expect(remote[3]).toContain("POST /_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}/runs takes at most");
  for (const message of remote) expect(message).not.toMatch(/store\.|addJourney\(|advance\(ms\)|addRuns takes/);

  const local = await hints(createLocalControl(createJourneyRunsFake()));
  expect(local[0]).toContain("store.addJourney(applicationId, journeyId)");
  expect(local[1]).toContain("advance(ms)");
  for (const message of local) expect(message).not.toContain("/_journey-runs-mock/");
});
