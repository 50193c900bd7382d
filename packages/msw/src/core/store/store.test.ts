import type { JourneyRun } from "@journey-runs/types";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { examples } from "../../generated/contract.js";
import { createManualClock } from "../clock.js";
import { JourneyRunsMockError } from "../errors.js";
import { createJourneyRunsStore, type JourneyRunsStore } from "./store.js";

const APP = "11111111112222222222333333333344";
const JOURNEY = "aaaaaaaaaabbbbbbbbbbccccccccccdd";

/** Reads every page of a journey; `between` runs after each page (to add runs while paging). */
function readAll(store: JourneyRunsStore, pageSize: number, between?: (page: number) => void): JourneyRun[] {
  const runs: JourneyRun[] = [];
  let token: string | undefined;
  for (let page = 0; ; page++) {
    const outcome = store.page(APP, JOURNEY, pageSize, token);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.body.Item.length).toBeLessThanOrEqual(pageSize);
    runs.push(...outcome.body.Item);
    token = outcome.body.NextToken;
    if (token === undefined) return runs;
    between?.(page);
  }
}

describe("createJourneyRunsStore", () => {
  test("starts with the official example journey and its two runs", () => {
    const store = createJourneyRunsStore();
    expect(store.example?.runs()).toEqual(examples.official.Item);
    expect(store.hasJourney(APP, JOURNEY)).toBe(true);
  });

  test("starts empty with example: false", () => {
    const store = createJourneyRunsStore({ example: false });
    expect(store.example).toBeUndefined();
    expect(store.hasApplication(APP)).toBe(false);
  });

  test("is deterministic for a seed and differs between seeds", () => {
    const make = (seed: number | string) => {
      const store = createJourneyRunsStore({ seed });
      store.example?.addRuns(50);
      return store.page(APP, JOURNEY, 10);
    };
    expect(make(7)).toEqual(make(7));
    expect(make("7")).toEqual(make(7));
    expect(make(8)).not.toEqual(make(7));
  });

  test("reset returns to the state after creation, setup included", () => {
    const store = createJourneyRunsStore({ setup: (s) => s.example?.addRuns(3) });
    const before = store.example?.runs();
    store.example?.addRuns(10);
    store.addJourney("other", "j");
    store.reset();
    expect(store.example?.runs()).toEqual(before);
    expect(store.example?.size).toBe(5);
    expect(store.hasApplication("other")).toBe(false);
  });
});

describe("pages", () => {
  test("a journey without runs answers an empty page without NextToken", () => {
    const store = createJourneyRunsStore();
    store.addJourney("a", "j");
    expect(store.page("a", "j", 25)).toMatchObject({ ok: true, body: examples.emptyJourney, json: '{"Item":[]}' });
  });

  test("NextToken is absent on the last page, also when the last page is full", () => {
    const store = createJourneyRunsStore();
    store.example?.addRuns(8);
    const first = store.page(APP, JOURNEY, 5);
    expect(first.ok && first.body.NextToken).toEqual(expect.any(String));
    const last = first.ok ? store.page(APP, JOURNEY, 5, first.body.NextToken) : first;
    expect(last).toMatchObject({ ok: true, body: { Item: expect.any(Array) } });
    expect(last.ok && last.body.Item.length).toBe(5);
    expect(last.ok && "NextToken" in last.body).toBe(false);
  });

  test("runs come in order of creation time, then of arrival", () => {
    const store = createJourneyRunsStore({ example: false });
    const journey = store.addJourney(APP, JOURNEY);
    journey.addRun({ runId: "c", creationTime: "2026-01-01T00:00:02Z" });
    journey.addRun({ runId: "b", creationTime: "2026-01-01T00:00:01Z" });
    journey.addRun({ runId: "a", creationTime: "2026-01-01T00:00:02Z" });
    expect(readAll(store, 1).map((r) => r.RunId)).toEqual(["b", "c", "a"]);
  });

  test("no run is skipped or repeated when runs are added and removed between pages", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.boolean()), { maxLength: 20 }),
        (initial, pageSize, changes) => {
          const store = createJourneyRunsStore({ example: false, seed: initial });
          const journey = store.addJourney(APP, JOURNEY);
          journey.addRuns(initial, { from: "2026-01-01T00:00:00Z" });
          const before = journey.runs().map((r) => r.RunId);
          const removed = new Set<string>();
          const seen = readAll(store, pageSize, (page) => {
            // One change per page while changes last, so that paging ends.
            const change = changes[page];
            if (!change) return;
            const [offset, remove] = change;
            journey.addRun({ creationTime: Date.parse("2026-01-01T00:00:00Z") + offset * 1000 });
            const victim = before[(page * 7) % Math.max(before.length, 1)];
            if (remove && victim && !removed.has(victim)) {
              journey.removeRun(victim);
              removed.add(victim);
            }
          }).map((r) => r.RunId);
          expect(new Set(seen).size).toBe(seen.length);
          // Every run that existed before paging and was not removed is seen exactly once.
          const missing = before.filter((id) => !removed.has(id) && !seen.includes(id));
          expect(missing).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("tokens", () => {
  const store = createJourneyRunsStore();
  store.example?.addRuns(10);
  store.addJourney(APP, "other").addRuns(10);
  const first = store.page(APP, JOURNEY, 3);
  const token = first.ok ? (first.body.NextToken as string) : "";

  test("a token of another journey is refused", () => {
    expect(store.page(APP, "other", 3, token)).toMatchObject({ ok: false, status: 400 });
  });

  test("a token of a store with another secret is refused", () => {
    const otherStore = createJourneyRunsStore({ tokenSecret: "another" });
    otherStore.example?.addRuns(10);
    expect(otherStore.page(APP, JOURNEY, 3, token)).toMatchObject({ ok: false, status: 400 });
  });

  test("every single-character change of a token is refused", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      const other = alphabet[(alphabet.indexOf(token[i] as string) + 1) % 64];
      const forged = `${token.slice(0, i)}${other}${token.slice(i + 1)}`;
      expect(store.page(APP, JOURNEY, 3, forged), `position ${i}`).toMatchObject({ ok: false, status: 400 });
    }
  });

  test("the same token gives the same page", () => {
    expect(store.page(APP, JOURNEY, 3, token)).toEqual(store.page(APP, JOURNEY, 3, token));
  });

  test("an unknown journey with a valid-looking token still gets 400 first (parameters are checked before lookup)", () => {
    expect(store.page(APP, "missing", 3, token)).toMatchObject({ ok: false, status: 400 });
    expect(store.page(APP, "missing", 3)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("runs and their lifecycle", () => {
  test("scheduleRun follows the clock: SCHEDULED, RUNNING, then its outcome, with LastUpdateTime of each change", () => {
    const clock = createManualClock("2026-03-01T00:00:00.000Z");
    const store = createJourneyRunsStore({ clock });
    const journey = store.addJourney("a", "j");
    const run = journey.scheduleRun({ runId: "r1", startsIn: 60_000, runsFor: 120_000 });
    expect(run).toEqual({
      RunId: "r1",
      Status: "SCHEDULED",
      CreationTime: "2026-03-01T00:00:00.000Z",
      LastUpdateTime: "2026-03-01T00:00:00.000Z",
    });
    clock.advance(59_999);
    expect(journey.getRun("r1")?.Status).toBe("SCHEDULED");
    clock.advance(1);
    expect(journey.getRun("r1")).toMatchObject({ Status: "RUNNING", LastUpdateTime: "2026-03-01T00:01:00.000Z" });
    clock.advance(10 * 60_000);
    expect(journey.getRun("r1")).toMatchObject({ Status: "COMPLETED", LastUpdateTime: "2026-03-01T00:03:00.000Z" });
  });

  test("a CANCELLED outcome, and a manual change that overrides the plan", () => {
    const clock = createManualClock();
    const journey = createJourneyRunsStore({ clock }).addJourney("a", "j");
    journey.scheduleRun({ runId: "c", runsFor: 1_000, outcome: "CANCELLED" });
    journey.scheduleRun({ runId: "m", startsIn: 1_000 });
    journey.setRunStatus("m", "COMPLETED");
    clock.advance(5_000);
    expect(journey.getRun("c")?.Status).toBe("CANCELLED");
    expect(journey.getRun("m")?.Status).toBe("COMPLETED");
  });

  test("startRun, completeRun and cancelRun allow only the lifecycle's transitions", () => {
    const journey = createJourneyRunsStore().addJourney("a", "j");
    journey.addRun({ runId: "r" });
    expect(() => journey.completeRun("r")).toThrow(/Run r is SCHEDULED; only a RUNNING run can become COMPLETED/);
    expect(journey.startRun("r").Status).toBe("RUNNING");
    expect(journey.completeRun("r").Status).toBe("COMPLETED");
    expect(() => journey.cancelRun("r")).toThrow(JourneyRunsMockError);
  });

  test("stop cancels every SCHEDULED and RUNNING run", () => {
    const journey = createJourneyRunsStore().addJourney("a", "j");
    journey.addRun({ runId: "1" });
    journey.addRun({ runId: "2", status: "RUNNING" });
    journey.addRun({ runId: "3", status: "COMPLETED" });
    expect(journey.stop()).toBe(2);
    expect(journey.runs().map((r) => r.Status)).toEqual(["CANCELLED", "CANCELLED", "COMPLETED"]);
  });

  test("removeRun removes a run from pages and its plan", () => {
    const clock = createManualClock();
    const store = createJourneyRunsStore({ clock });
    const journey = store.addJourney("a", "j");
    journey.scheduleRun({ runId: "gone" });
    expect(journey.removeRun("gone")).toBe(true);
    expect(journey.removeRun("gone")).toBe(false);
    clock.advance(120_000);
    expect(store.page("a", "j", 25)).toMatchObject({ ok: true, body: { Item: [] } });
  });

  test("addRuns makes finished runs with 32-hex ids, after the last run", () => {
    const store = createJourneyRunsStore();
    store.example?.addRuns(20);
    const runs = store.example?.runs() ?? [];
    expect(runs).toHaveLength(22);
    for (const run of runs.slice(2)) {
      expect(run.RunId).toMatch(/^[0-9a-f]{32}$/);
      expect(["COMPLETED", "CANCELLED"]).toContain(run.Status);
      expect(run.CreationTime > "2000-01-01T00:00:10.000Z").toBe(true);
      expect(run.LastUpdateTime >= run.CreationTime).toBe(true);
    }
  });

  test.each([
    [
      "a duplicate run id",
      (s: JourneyRunsStore) => s.example?.addRun({ runId: "99999999998888888888777777777766" }),
      /already has a run/,
    ],
    [
      "an empty run id",
      (s: JourneyRunsStore) => s.example?.addRun({ runId: "" }),
      /runId must be a string of 1 to 256/,
    ],
    [
      "an unknown status",
      (s: JourneyRunsStore) => s.example?.addRun({ status: "DONE" as "COMPLETED" }),
      /status must be/,
    ],
    [
      "a bad time",
      (s: JourneyRunsStore) => s.example?.addRun({ creationTime: "yesterday" }),
      /creationTime must be a Date/,
    ],
    [
      "an update before creation",
      (s: JourneyRunsStore) => s.example?.addRun({ creationTime: 10, lastUpdateTime: 5 }),
      /lastUpdateTime must be a time not before CreationTime/,
    ],
    ["an unknown run", (s: JourneyRunsStore) => s.example?.setRunStatus("nope", "RUNNING"), /has no run nope/],
    ["an unknown journey", (s: JourneyRunsStore) => s.journey("a", "nope"), /store.addJourney/],
    ["a negative count", (s: JourneyRunsStore) => s.example?.addRuns(-1), /whole number >= 0/],
  ])("refuses %s with a JourneyRunsMockError that says how to fix it", (_name, call, message) => {
    const store = createJourneyRunsStore();
    expect(() => call(store)).toThrow(JourneyRunsMockError);
    expect(() => call(store)).toThrow(message);
  });

  test("removing a journey or an application makes it unknown", () => {
    const store = createJourneyRunsStore();
    expect(store.removeJourney(APP, JOURNEY)).toBe(true);
    expect(store.page(APP, JOURNEY, 25)).toMatchObject({ ok: false, status: 404, message: "Journey not found" });
    expect(store.removeApplication(APP)).toBe(true);
    expect(store.page(APP, JOURNEY, 25)).toMatchObject({ ok: false, status: 404, message: "Application not found" });
  });
});
