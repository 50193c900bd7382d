import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createJourneyRunsStore } from "./store.js";

describe("addRuns with a list", () => {
  test("adds runs in any time order and keeps page order: by creation time, then by arrival", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 5 }),
        (times, existing) => {
          const store = createJourneyRunsStore({ example: false });
          const journey = store.addJourney("a", "j");
          for (let i = 0; i < existing; i++) journey.addRun({ runId: `old-${i}`, creationTime: 10 });
          journey.addRuns(times.map((time, i) => ({ runId: `new-${i}`, creationTime: time })));
          const expected = [
            ...Array.from({ length: existing }, (_, i) => ({ id: `old-${i}`, time: 10, order: i })),
            ...times.map((time, i) => ({ id: `new-${i}`, time, order: existing + i })),
          ]
            .sort((x, y) => x.time - y.time || x.order - y.order)
            .map((run) => run.id);
          expect(journey.runs().map((run) => run.RunId)).toEqual(expected);
        },
      ),
    );
  });

  test("checks every run before adding any", () => {
    const store = createJourneyRunsStore({ example: false });
    const journey = store.addJourney("a", "j");
    expect(() => journey.addRuns([{ runId: "x" }, { runId: "y", status: "DONE" as never }])).toThrow(/status must be/);
    expect(() => journey.addRuns([{ runId: "x" }, { runId: "x" }])).toThrow(/name run x twice/);
    expect(journey.size).toBe(0);
  });
});
