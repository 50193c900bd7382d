import { describe, expect, test } from "vitest";
import { callFake } from "../../../test/support/call-fake.js";
import type { JourneyRunsState } from "../../control-api/types.js";
import { createJourneyRunsFake } from "../fake.js";

// biome-ignore lint/suspicious/noExplicitAny: the tests break states in every way JSON allows.
type Loose = any;

const run = (id: string, time: string, status = "COMPLETED") => ({
  CreationTime: time,
  LastUpdateTime: time,
  RunId: id,
  Status: status,
});

const state = (): JourneyRunsState =>
  ({
    format: "journey-runs-mock/state",
    version: 1,
    now: "2026-05-01T00:00:00.000Z",
    applications: [
      {
        applicationId: "app",
        journeys: [
          {
            journeyId: "j",
            runs: [
              run("a", "2026-04-01T00:00:00.000Z"),
              run("b", "2026-04-01T00:00:00.000Z", "RUNNING"),
              run("c", "2026-04-02T00:00:00.000Z"),
            ],
          },
          { journeyId: "empty", runs: [] },
        ],
      },
    ],
  }) as JourneyRunsState;

describe("dump and load", () => {
  test("load then dump gives the state back; pages serve it in order", async () => {
    const fake = createJourneyRunsFake();
    fake.load(state());
    expect(fake.dump()).toEqual(state());
    expect(fake.store.example).toBeUndefined();
    expect(fake.clock.now()).toBe(Date.parse("2026-05-01T00:00:00Z"));
    const page = await callFake(fake, { path: "/v1/apps/app/journeys/j/runs", query: "page-size=2" });
    expect(page.body.Item.map((r: { RunId: string }) => r.RunId)).toEqual(["a", "b"]);
    const next = await callFake(fake, {
      path: "/v1/apps/app/journeys/j/runs",
      query: `page-size=2&token=${encodeURIComponent(page.body.NextToken)}`,
    });
    expect(next.body.Item.map((r: { RunId: string }) => r.RunId)).toEqual(["c"]);
  });

  test("a dump of a seeded fake loads into another fake identically", () => {
    const source = createJourneyRunsFake({ seed: 9, scene: { exampleRuns: 250 } });
    const target = createJourneyRunsFake({ seed: 1 });
    target.load(JSON.parse(JSON.stringify(source.dump())));
    expect(target.dump()).toEqual(source.dump());
  });

  test.each([
    [(s: Loose) => (s.format = "other"), "/format", /expected "journey-runs-mock\/state"/],
    [(s: Loose) => (s.version = 2), "/version", /expected 1, got 2/],
    [(s: Loose) => (s.now = "yesterday"), "/now", /ISO 8601/],
    [(s: Loose) => (s.applications = {}), "/applications", /expected an array/],
    [(s: Loose) => (s.applications[0].applicationId = "x".repeat(257)), "/applications/0/applicationId", /1 to 256/],
    [(s: Loose) => s.applications.push({ ...s.applications[0] }), "/applications/1/applicationId", /not used before/],
    [(s: Loose) => (s.applications[0].journeys[0].journeyId = 7), "/applications/0/journeys/0/journeyId", /got 7/],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[1].Status = "DONE"),
      "/applications/0/journeys/0/runs/1/Status",
      /SCHEDULED/,
    ],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[2].RunId = "a"),
      "/applications/0/journeys/0/runs/2/RunId",
      /not used before/,
    ],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[0].RunId = ""),
      "/applications/0/journeys/0/runs/0/RunId",
      /1 to 256/,
    ],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[2].CreationTime = "2026-03-01T00:00:00Z"),
      "/applications/0/journeys/0/runs/2/CreationTime",
      /page order/,
    ],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[0].LastUpdateTime = "2026-01-01T00:00:00Z"),
      "/applications/0/journeys/0/runs/0/LastUpdateTime",
      /not before CreationTime/,
    ],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[0].Extra = 1),
      "/applications/0/journeys/0/runs/0/Extra",
      /no other field than CreationTime/,
    ],
    [
      (s: Loose) => (s.applications[0].journeys[0].runs[0] = null),
      "/applications/0/journeys/0/runs/0",
      /expected a run: an object with CreationTime.*, got null/,
    ],
  ])("a bad state fails at the JSON pointer and leaves the store unchanged (%#)", (breakIt, pointer, expected) => {
    const fake = createJourneyRunsFake({ seed: 2, scene: { exampleRuns: 3 } });
    const before = fake.dump();
    const bad = state();
    breakIt(bad);
    let error: unknown;
    try {
      fake.load(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "INVALID_STATE" });
    expect((error as Error).message).toContain(`at ${pointer}:`);
    expect((error as Error).message).toMatch(expected);
    expect(fake.dump()).toEqual(before);
  });

  test("reset() after load returns to the scene, not to the loaded state", () => {
    const fake = createJourneyRunsFake({ scene: { exampleRuns: 1 } });
    fake.load(state());
    fake.reset();
    expect(fake.store.hasApplication("app")).toBe(false);
    expect(fake.store.example?.size).toBe(3);
  });
});
