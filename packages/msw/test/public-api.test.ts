import {
  createJourneyRunsFake,
  createJourneyRunsMock,
  createJourneyRunsStore,
  createLocalControl,
  JourneyRunsMockError,
} from "@journey-runs/msw";
import { JourneyRunsControlError } from "@journey-runs/msw/control";
import { ControlTokenRequiredError, DataFileError, startMockServer } from "@journey-runs/msw/server";
import { describe, expect, test } from "vitest";

const names = async (entry: string): Promise<string[]> => Object.keys(await import(entry)).sort();

describe("the public surface", () => {
  test("the root entry exports the 14 values tests use, no protocol constant (those are in ./core)", async () => {
    const root = await names("@journey-runs/msw");
    expect(root).toEqual([
      "EXAMPLE_IDS",
      "JourneyRunsMockError",
      "createJourneyRunsFake",
      "createJourneyRunsMock",
      "createJourneyRunsStore",
      "createLocalControl",
      "createManualClock",
      "defineJourneyRunsResolver",
      "getDefaultJourneyRunsMock",
      "handlers",
      "journeyRunsError",
      "journeyRunsHandler",
      "journeyRunsPage",
      "systemClock",
    ]);
    expect(root.length).toBeLessThanOrEqual(15);
  });

  test("addRuns means the same on a journey and on a control: a count or a list in, the runs added out", async () => {
    const fake = createJourneyRunsFake({ seed: 3 });
    const journey = fake.store.addJourney("app", "journey");
    const made = journey.addRuns(2);
    const listed = journey.addRuns([{ runId: "listed" }]);
    const control = createLocalControl(fake);
    const viaControl = await control.addRuns("app", "journey", 2);
    expect([made.length, listed.map((run) => run.RunId), viaControl.length]).toEqual([2, ["listed"], 2]);
    expect(journey.runs().slice(-2)).toEqual(viaControl);
    expect(createJourneyRunsMock().store.example?.addRuns(1)).toHaveLength(1);
    expect(createJourneyRunsStore().example?.size).toBe(2);
  });

  test("every error the package throws is a JourneyRunsMockError, importable where it is caught", async () => {
    for (const kind of [DataFileError, ControlTokenRequiredError, JourneyRunsControlError]) {
      expect(kind.prototype).toBeInstanceOf(JourneyRunsMockError);
    }
    await expect(startMockServer({ port: 0, data: ["/nonexistent/journey-runs-data"] })).rejects.toBeInstanceOf(
      DataFileError,
    );
    await expect(startMockServer({ port: 0, host: "0.0.0.0", control: true })).rejects.toMatchObject({
      name: "ControlTokenRequiredError",
      code: "CONTROL_TOKEN_REQUIRED",
    });
    await expect(startMockServer({ port: 0, control: { token: "short" } })).rejects.toMatchObject({
      name: "JourneyRunsMockError",
      code: "INVALID_ARGUMENT",
    });
  });
});
