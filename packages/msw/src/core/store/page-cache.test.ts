import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createManualClock } from "../clock.js";
import { JourneyRunsMockError } from "../errors.js";
import { doorkeeperSlots, PageCache } from "./page-cache.js";
import { RunIndex, type StoredRun } from "./run-index.js";
import { createJourneyRunsStore, type JourneyRunsStore } from "./store.js";

const APP = "11111111112222222222333333333344";
const JOURNEY = "aaaaaaaaaabbbbbbbbbbccccccccccdd";
const STATUSES = ["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"] as const;

type Op =
  | { kind: "page"; size: number; hop: number }
  | { kind: "add"; count: number }
  | { kind: "addAt"; at: number }
  | { kind: "status"; pick: number; status: (typeof STATUSES)[number] }
  | { kind: "remove"; pick: number }
  | { kind: "schedule"; startsIn: number; runsFor: number }
  | { kind: "advance"; ms: number }
  | { kind: "clear" }
  | { kind: "reset" };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("page"), size: fc.integer({ min: 1, max: 7 }), hop: fc.nat(6) }),
  },
  fc.record({ kind: fc.constant("add"), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("addAt"), at: fc.integer({ min: -3_600_000, max: 3_600_000 }) }),
  fc.record({ kind: fc.constant("status"), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant("remove"), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("schedule"),
    startsIn: fc.integer({ min: 0, max: 5_000 }),
    runsFor: fc.integer({ min: 0, max: 5_000 }),
  }),
  fc.record({ kind: fc.constant("advance"), ms: fc.integer({ min: 0, max: 4_000 }) }),
  fc.constant({ kind: "clear" as const }),
  fc.constant({ kind: "reset" as const }),
);

/** Applies one change to a store; both stores of a pair get the same calls, so they hold the same runs. */
function apply(store: JourneyRunsStore, change: Exclude<Op, { kind: "page" }>, clock: { advance(ms: number): void }) {
  const journey = store.addJourney(APP, JOURNEY);
  const runs = journey.runs();
  const picked = runs.length === 0 ? undefined : runs[("pick" in change ? change.pick : 0) % runs.length];
  if (change.kind === "add") journey.addRuns(change.count);
  else if (change.kind === "addAt") journey.addRun({ creationTime: Date.UTC(2026, 0, 1) + change.at });
  else if (change.kind === "status" && picked) journey.setRunStatus(picked.RunId, change.status);
  else if (change.kind === "remove" && picked) journey.removeRun(picked.RunId);
  else if (change.kind === "schedule") journey.scheduleRun({ startsIn: change.startsIn, runsFor: change.runsFor });
  else if (change.kind === "advance") clock.advance(change.ms);
  else if (change.kind === "clear") journey.clear();
  else if (change.kind === "reset") store.reset();
}

/** A finished run that sorts at place `seq`. */
const run = (seq: number): StoredRun => ({
  runId: `run-${seq}`,
  creationTime: seq,
  seq,
  lastUpdateTime: seq,
  status: "COMPLETED",
  version: 0,
});

/** Offers a page twice, as a store does when it assembles a page a second time: the doorkeeper lets it in then. */
function keep(cache: PageCache, index: RunIndex, start: number, count: number, text: string): void {
  cache.set(index, start, count, text);
  cache.set(index, start, count, text);
}

describe("the page cache", () => {
  test("a store with it answers every page exactly as a store without it, whatever changed in between", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 0, max: 4_000 }), (ops, chars) => {
        // A small cache (down to none at all) forces evictions as well as hits.
        const clocks = [createManualClock(), createManualClock()];
        const cached = createJourneyRunsStore({ clock: clocks[0], pageCacheChars: chars + 1_000 });
        const plain = createJourneyRunsStore({ clock: clocks[1], pageCacheChars: 0 });
        const tokens: (string | undefined)[] = [undefined];
        for (const step of ops) {
          if (step.kind !== "page") {
            apply(cached, step, clocks[0] as { advance(ms: number): void });
            apply(plain, step, clocks[1] as { advance(ms: number): void });
            continue;
          }
          const token = tokens[step.hop % tokens.length];
          const a = cached.page(APP, JOURNEY, step.size, token);
          const b = plain.page(APP, JOURNEY, step.size, token);
          expect(a.ok ? a.json : a).toEqual(b.ok ? b.json : b);
          // Read again at once: the second answer is the cached one.
          const again = cached.page(APP, JOURNEY, step.size, token);
          expect(again.ok ? again.json : again).toEqual(b.ok ? b.json : b);
          if (b.ok && b.body.NextToken !== undefined) tokens.push(b.body.NextToken);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("keeps at most its bound in characters, dropping pages not read again first", () => {
    const index = new RunIndex();
    for (let seq = 0; seq < 50; seq++) index.insert(run(seq));
    const cache = new PageCache(100);
    keep(cache, index, 0, 1, "a".repeat(40));
    keep(cache, index, 1, 1, "b".repeat(40));
    expect(cache.get(index, 0, 1)).toBe("a".repeat(40));
    // Over the bound: the page read again (start 0) stays, the other goes.
    keep(cache, index, 2, 1, "c".repeat(40));
    expect(cache.get(index, 1, 1)).toBeUndefined();
    expect(cache.get(index, 0, 1)).toBe("a".repeat(40));
    expect(cache.get(index, 2, 1)).toBe("c".repeat(40));
    // A text larger than the whole bound is not kept at all.
    keep(cache, index, 3, 1, "d".repeat(101));
    expect(cache.get(index, 3, 1)).toBeUndefined();
    for (let start = 0; start < 40; start++) keep(cache, index, start, 2, "e".repeat(30));
    expect(cache.size).toBeLessThanOrEqual(3);
  });

  test("forgets a page once a run of it changes or a run is added before it", () => {
    const index = new RunIndex();
    const runs = [0, 1, 2].map(run);
    index.insertMany(runs);
    const cache = new PageCache();
    keep(cache, index, 1, 2, "page");
    expect(cache.get(index, 1, 2)).toBe("page");
    index.update(runs[2] as StoredRun, "COMPLETED", 5);
    expect(cache.get(index, 1, 2)).toBeUndefined();
    keep(cache, index, 1, 2, "page");
    index.insert({ runId: "early", creationTime: -1, seq: 9, lastUpdateTime: 0, status: "RUNNING", version: 0 });
    expect(cache.get(index, 1, 2)).toBeUndefined();
  });

  test("keeps a page the second time it is offered, not the first", () => {
    const index = new RunIndex();
    for (let seq = 0; seq < 10; seq++) index.insert(run(seq));
    const cache = new PageCache();
    cache.set(index, 0, 5, "page");
    expect(cache.get(index, 0, 5)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set(index, 0, 5, "page");
    expect(cache.get(index, 0, 5)).toBe("page");
    // Another index with the same places is another page: it has its own first offer.
    const other = new RunIndex();
    for (let seq = 0; seq < 10; seq++) other.insert(run(seq));
    cache.set(other, 0, 5, "other");
    expect(cache.get(other, 0, 5)).toBeUndefined();
  });

  test("keeps nothing of a walk that asks each page once, and keeps the page asked again among them", () => {
    const index = new RunIndex();
    for (let seq = 0; seq < 20_000; seq++) index.insert(run(seq));
    const cache = new PageCache();
    for (let start = 0; start < 10_000; start++) cache.set(index, start, 1, "x".repeat(100));
    expect(cache.size).toBe(0);
    // A poller's page between the walk's pages: asked every other request, it is kept after its second offer.
    for (let start = 10_000; start < 10_100; start++) {
      if (cache.get(index, 0, 25) === undefined) cache.set(index, 0, 25, "first page");
      cache.set(index, start, 1, "x".repeat(100));
    }
    expect(cache.get(index, 0, 25)).toBe("first page");
    expect(cache.size).toBe(1);
  });

  test("sizes the doorkeeper to about the pages the cache holds, 16 to 1,024 slots", () => {
    expect(doorkeeperSlots(1)).toBe(16);
    expect(doorkeeperSlots(64 * 1024)).toBe(16);
    expect(doorkeeperSlots(64 * 1024 + 1)).toBe(32);
    expect(doorkeeperSlots(256 * 1024)).toBe(64);
    expect(doorkeeperSlots(4 * 1024 * 1024)).toBe(1024);
    expect(doorkeeperSlots(4 * 1024 * 1024 + 1)).toBe(1024);
    expect(doorkeeperSlots(Number.MAX_SAFE_INTEGER)).toBe(1024);
  });

  test("a reset forgets what the doorkeeper saw", () => {
    const index = new RunIndex();
    for (let seq = 0; seq < 10; seq++) index.insert(run(seq));
    const cache = new PageCache();
    cache.set(index, 0, 5, "page");
    cache.clear();
    cache.set(index, 0, 5, "page");
    expect(cache.get(index, 0, 5)).toBeUndefined();
  });

  test("refuses a bound that is not a whole number of characters", () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createJourneyRunsStore({ pageCacheChars: bad })).toThrow(JourneyRunsMockError);
    }
  });
});
