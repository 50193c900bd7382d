import { connectJourneyRunsControl, type JourneyRunsControl } from "@journey-runs/msw/control";
import { createJourneyRunsFake, createLocalControl } from "@journey-runs/msw/core";
import { startMockServer } from "@journey-runs/msw/server";
import { expect, test } from "vitest";

/** One scenario, written once against JourneyRunsControl, as a Playwright or Vitest test would write it. */
async function scenario(control: JourneyRunsControl) {
  const seen: unknown[] = [];
  const code = (error: unknown) => (error as { code?: unknown }).code;
  await control.setScene({ example: false, journeys: [{ applicationId: "shop", journeyId: "welcome", runs: 3 }] });
  seen.push(await control.health());
  await control.addJourney("shop", "winback");
  seen.push(
    await control.addRuns("shop", "winback", [
      { runId: "a", status: "COMPLETED" },
      { runId: "b", status: "RUNNING" },
    ]),
  );
  seen.push(
    await control.scheduleRun("shop", "winback", {
      runId: "later",
      startsIn: 60_000,
      runsFor: 30_000,
      outcome: "CANCELLED",
    }),
  );
  seen.push(await control.advanceClock(70_000));
  seen.push(await control.setRunStatus("shop", "winback", "b", "CANCELLED"));
  seen.push(await control.setClock("2026-06-01T00:00:00.000Z"));
  await control.failNext(500, { times: 2 });
  await control.throttle(3);
  await control.networkErrorNext({ scope: "request" });
  await control.clearFaults();
  await control.setLatency(0);
  seen.push(await control.removeJourney("shop", "nope"));
  seen.push(await control.addRuns("shop", "nope", 1).catch(code));
  seen.push(await control.addRuns("shop", "winback", [{ runId: "a" }]).catch(code));
  seen.push(await control.failNext(418 as never).catch(code));
  seen.push(await control.setRunStatus("shop", "winback", "ghost", "RUNNING").catch(code));
  const state = await control.dump();
  seen.push(state);
  await control.reset();
  seen.push(await control.dump());
  await control.load(state);
  seen.push(await control.dump());
  seen.push(await control.journal());
  await control.clearJournal();
  return seen;
}

test("the same scenario gives the same results in-process and against a remote journey-runs-mock", async () => {
  const local = await scenario(createLocalControl(createJourneyRunsFake({ seed: 9 })));
  const server = await startMockServer({ port: 0, seed: 9, control: true });
  try {
    const remote = await scenario(connectJourneyRunsControl(server.url));
    expect(remote).toEqual(local);
    expect(local).toContain("UNKNOWN_JOURNEY");
    expect(local).toContain("DUPLICATE_RUN");
    expect(local).toContain("INVALID_ARGUMENT");
    expect(local).toContain("UNKNOWN_RUN");
  } finally {
    await server.close();
  }
});
