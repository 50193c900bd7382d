import { describe, expect, test } from "vitest";
import { callFake, EXAMPLE_PATH } from "../../../test/support/call-fake.js";
import type { JourneyRunsScene } from "../../control-api/types.js";
import { type ManualClock, systemClock } from "../clock.js";
import { createJourneyRunsFake } from "../fake.js";

const APP = "app-1";
const JOURNEY = "journey-1";
const PATH = `/v1/apps/${APP}/journeys/${JOURNEY}/runs`;

const scene: JourneyRunsScene = {
  clock: "2026-03-01T12:00:00.000Z",
  exampleRuns: 10,
  journeys: [
    {
      applicationId: APP,
      journeyId: JOURNEY,
      runs: [{ runId: "r1", status: "CANCELLED", creationTime: "2026-02-01T00:00:00Z" }],
      scheduled: [{ runId: "r2", startsIn: 1_000, runsFor: 5_000 }],
    },
  ],
  faults: [{ kind: "status", status: 429, times: 1, scope: "request" }],
  latency: 0,
};

describe("scenes", () => {
  test("reset() returns exactly to the scene: runs, journeys, faults and clock", async () => {
    const fake = createJourneyRunsFake({ seed: 5, scene });
    const first = fake.dump();
    expect(first.now).toBe("2026-03-01T12:00:00.000Z");
    expect((await callFake(fake)).status).toBe(429);
    expect((await callFake(fake)).body.Item).toHaveLength(12);
    expect((await callFake(fake, { path: PATH })).body.Item.map((run: { RunId: string }) => run.RunId)).toEqual([
      "r1",
      "r2",
    ]);

    fake.store.example?.addRuns(50);
    fake.store.addJourney("other", "other");
    fake.failAlways(500);
    fake.setLatency(5);
    (fake.clock as ManualClock).advance(60_000);
    fake.reset();

    expect(fake.dump()).toEqual(first);
    expect((await callFake(fake)).status).toBe(429);
    expect((await callFake(fake)).status).toBe(200);
  });

  test("the same seed and scene give the same data; another seed other runs", () => {
    const dump = (seed: number) => createJourneyRunsFake({ seed, scene }).dump();
    expect(dump(5)).toEqual(dump(5));
    expect(dump(6)).not.toEqual(dump(5));
  });

  test("setScene replaces the scene; later changes of the caller's object change nothing", () => {
    const fake = createJourneyRunsFake({ seed: 1 });
    const mine: JourneyRunsScene = { example: false, journeys: [{ applicationId: "a", journeyId: "j", runs: 3 }] };
    fake.setScene(mine);
    (mine.journeys as { runs: number }[])[0] = { runs: 99 } as never;
    fake.reset();
    expect(fake.store.example).toBeUndefined();
    expect(fake.store.journey("a", "j").size).toBe(3);
    expect(fake.scene).toEqual({ example: false, journeys: [{ applicationId: "a", journeyId: "j", runs: 3 }] });
  });

  test("a scene that cannot be applied throws, and reset() keeps the previous scene", () => {
    const fake = createJourneyRunsFake({ scene: { exampleRuns: 2 } });
    expect(() => fake.setScene({ journeys: [{ applicationId: "", journeyId: "j" }] })).toThrow(
      /applicationId must be a string of 1 to 256/,
    );
    expect(() => fake.setScene({ latency: -1 })).toThrow(/latency must be/);
    expect(() => fake.setScene({ colour: "red" } as never)).toThrow(/A scene has no property "colour"/);
    expect(fake.store.example?.size).toBe(4);
    fake.reset();
    expect(fake.store.example?.size).toBe(4);
  });

  test("a scene's clock needs a manual clock", () => {
    expect(() => createJourneyRunsFake({ clock: systemClock, scene: { clock: "2026-01-01T00:00:00Z" } })).toThrow(
      expect.objectContaining({ code: "CLOCK_NOT_MANUAL" }),
    );
  });

  test("scheduled runs follow the scene's clock after reset", async () => {
    const fake = createJourneyRunsFake({ scene });
    const status = async () => (await callFake(fake, { path: PATH })).body.Item[1].Status;
    fake.clearFaults();
    expect(await status()).toBe("SCHEDULED");
    (fake.clock as ManualClock).advance(2_000);
    expect(await status()).toBe("RUNNING");
    fake.reset();
    fake.clearFaults();
    expect(await status()).toBe("SCHEDULED");
  });

  test("the default path still answers the example journey", async () => {
    const fake = createJourneyRunsFake({ scene: { example: true } });
    expect((await callFake(fake, { path: EXAMPLE_PATH })).status).toBe(200);
  });
});
