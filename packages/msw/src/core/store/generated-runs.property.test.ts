import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createManualClock } from "../clock.js";
import { createJourneyRunsStore } from "./store.js";

const SEED = 20_261_207;
const DAY = 86_400_000;

/** The runs of a journey as epoch times, in page order. */
function times(runs: readonly { CreationTime: string; LastUpdateTime: string }[]) {
  return runs.map((run) => ({ start: Date.parse(run.CreationTime), end: Date.parse(run.LastUpdateTime) }));
}

describe("generated finished runs", () => {
  test("start and end at or before the clock's now, after the journey's last run, in page order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 400 * 365 * DAY }),
        fc.array(fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: -10 * DAY, max: 10 * DAY })), {
          maxLength: 6,
        }),
        (seed, clockStart, steps) => {
          const clock = createManualClock(clockStart);
          const store = createJourneyRunsStore({ seed, clock, example: false });
          const journey = store.addJourney("app", "j");
          for (const step of steps) {
            // A positive step below 301 adds that many runs; any other moves the clock (back too, when it may).
            if (step > 0 && step <= 300) {
              const lastBefore = journey.runs().at(-1);
              const added = times(journey.addRuns(step));
              expect(added).toHaveLength(step);
              for (const run of added) {
                expect(run.end).toBeLessThanOrEqual(clock.now());
                expect(run.start).toBeLessThanOrEqual(run.end);
              }
              const lastStart = lastBefore === undefined ? -Infinity : Date.parse(lastBefore.CreationTime);
              if (lastStart <= clock.now()) {
                expect(times(journey.runs()).slice(-step)).toEqual(added);
                for (const run of added) expect(run.start).toBeGreaterThanOrEqual(lastStart);
              }
            } else clock.set(Math.max(0, clock.now() + step));
          }
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  test("a fresh journey's runs end by now and keep the seed's spacing when they fit", () => {
    const clock = createManualClock("2026-01-01T00:00:00.000Z");
    const store = createJourneyRunsStore({ seed: 1, clock, example: false });
    store.addJourney("app", "j");
    const added = times(store.journey("app", "j").addRuns(1000));
    expect(Math.max(...added.map((run) => run.end))).toBeLessThanOrEqual(clock.now());
    const gaps = added.slice(1).map((run, i) => run.start - (added[i] as { start: number }).start);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
  });
});
