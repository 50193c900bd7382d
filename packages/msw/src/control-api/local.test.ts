import { describe, expect, test } from "vitest";
import { callFake } from "../../test/support/call-fake.js";
import { systemClock } from "../core/clock.js";
import { createJourneyRunsFake } from "../core/fake.js";
import { createLocalControl } from "./local.js";

describe("createLocalControl", () => {
  test("drives the fake through the async control API", async () => {
    const fake = createJourneyRunsFake({ seed: 4 });
    const control = createLocalControl(fake);
    expect(await control.health()).toEqual({ status: "ok", clock: "manual", now: "2026-01-01T00:00:00.000Z" });
    await control.addJourney("app", "j");
    const added = await control.addRuns("app", "j", 3);
    expect(added).toHaveLength(3);
    expect(await control.addRuns("app", "j", [{ runId: "mine", creationTime: "2025-01-01T00:00:00Z" }])).toEqual([
      expect.objectContaining({ RunId: "mine", Status: "SCHEDULED" }),
    ]);
    expect(fake.store.journey("app", "j").runs()[0]?.RunId).toBe("mine");
    const scheduled = await control.scheduleRun("app", "j", { startsIn: 1_000 });
    expect(await control.advanceClock(2_000)).toBe("2026-01-01T00:00:02.000Z");
    expect(fake.store.journey("app", "j").getRun(scheduled.RunId)?.Status).toBe("RUNNING");
    expect((await control.setRunStatus("app", "j", "mine", "CANCELLED")).Status).toBe("CANCELLED");
    expect(await control.setClock("2026-02-01T00:00:00Z")).toBe("2026-02-01T00:00:00.000Z");
    await control.failNext(500);
    expect((await callFake(fake, { path: "/v1/apps/app/journeys/j/runs" })).status).toBe(500);
    expect((await control.journal()).map((entry) => entry.status)).toEqual([500]);
    await control.clearJournal();
    expect(await control.journal()).toEqual([]);
    const dump = await control.dump();
    await control.reset();
    expect(fake.store.hasJourney("app", "j")).toBe(false);
    await control.load(dump);
    expect(await control.dump()).toEqual(dump);
    expect(await control.removeJourney("app", "j")).toBe(true);
    expect(await control.removeApplication("app")).toBe(true);
    await control.setScene({ example: false });
    expect(fake.store.example).toBeUndefined();
  });

  test.each([
    ["setClock on a system clock", (c: ReturnType<typeof createLocalControl>) => c.setClock(0), "CLOCK_NOT_MANUAL"],
    [
      "advanceClock on a system clock",
      (c: ReturnType<typeof createLocalControl>) => c.advanceClock(1),
      "CLOCK_NOT_MANUAL",
    ],
  ])("%s rejects with a stable code", async (_name, act, code) => {
    const control = createLocalControl(createJourneyRunsFake({ clock: systemClock }));
    expect((await control.health()).clock).toBe("system");
    await expect(act(control)).rejects.toMatchObject({ name: "JourneyRunsMockError", code });
  });

  test.each([
    ["an unknown journey", (c: ReturnType<typeof createLocalControl>) => c.addRuns("no", "no", 1), "UNKNOWN_JOURNEY"],
    [
      "a bad status",
      (c: ReturnType<typeof createLocalControl>) =>
        c.setRunStatus(
          "11111111112222222222333333333344",
          "aaaaaaaaaabbbbbbbbbbccccccccccdd",
          "99999999998888888888777777777766",
          "DONE" as never,
        ),
      "INVALID_ARGUMENT",
    ],
    ["a bad time", (c: ReturnType<typeof createLocalControl>) => c.setClock("soon"), "INVALID_ARGUMENT"],
    ["a bad fault", (c: ReturnType<typeof createLocalControl>) => c.failNext(200 as never), "INVALID_ARGUMENT"],
    ["a bad id", (c: ReturnType<typeof createLocalControl>) => c.addJourney("", "j"), "INVALID_ARGUMENT"],
    ["a bad state", (c: ReturnType<typeof createLocalControl>) => c.load({} as never), "INVALID_STATE"],
    [
      "an unknown run",
      (c: ReturnType<typeof createLocalControl>) =>
        c.setRunStatus("11111111112222222222333333333344", "aaaaaaaaaabbbbbbbbbbccccccccccdd", "nope", "RUNNING"),
      "UNKNOWN_RUN",
    ],
  ])("%s rejects (never throws synchronously) with its code", async (_name, act, code) => {
    const control = createLocalControl(createJourneyRunsFake());
    const promise = act(control);
    expect(promise).toBeInstanceOf(Promise);
    await expect(promise).rejects.toMatchObject({ name: "JourneyRunsMockError", code });
  });
});
