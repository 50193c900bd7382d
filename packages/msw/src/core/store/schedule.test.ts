import { describe, expect, test } from "vitest";
import { RunIndex, type StoredRun } from "./run-index.js";
import { RunSchedule } from "./schedule.js";

const run = (runId: string): StoredRun => ({
  runId,
  creationTime: 0,
  seq: 0,
  lastUpdateTime: 0,
  status: "SCHEDULED",
  version: 0,
});

describe("RunSchedule", () => {
  test("applies the steps due by now, in time order, each at its own time, and no step early", () => {
    let now = 0;
    const schedule = new RunSchedule(() => now);
    const index = new RunIndex();
    const a = run("a");
    const b = run("b");
    index.insertMany([a, b]);
    schedule.plan(index, a, [
      { at: 10, status: "RUNNING" },
      { at: 30, status: "COMPLETED" },
    ]);
    schedule.plan(index, b, [{ at: 20, status: "CANCELLED" }]);
    now = 9;
    schedule.settle();
    expect([a.status, b.status]).toEqual(["SCHEDULED", "SCHEDULED"]);
    now = 25;
    schedule.settle();
    expect([a.status, a.lastUpdateTime, b.status, b.lastUpdateTime]).toEqual(["RUNNING", 10, "CANCELLED", 20]);
    now = 30;
    schedule.settle();
    expect([a.status, a.lastUpdateTime, schedule.size]).toEqual(["COMPLETED", 30, 0]);
  });

  test("skips the plan of a run changed after it was planned, or removed from its journey", () => {
    let now = 0;
    const schedule = new RunSchedule(() => now);
    const index = new RunIndex();
    const changed = run("changed");
    const removed = run("removed");
    index.insertMany([changed, removed]);
    schedule.plan(index, changed, [{ at: 10, status: "RUNNING" }]);
    schedule.plan(index, removed, [{ at: 10, status: "RUNNING" }]);
    index.update(changed, "CANCELLED", 5);
    index.remove("removed");
    now = 10;
    schedule.settle();
    expect([changed.status, changed.lastUpdateTime, removed.status]).toEqual(["CANCELLED", 5, "SCHEDULED"]);
  });

  test("every change of a run bumps its version, and a run has no other writer", () => {
    const index = new RunIndex();
    const a = run("a");
    index.insert(a);
    index.update(a, "RUNNING", 1);
    expect(a.version).toBe(1);
    index.remove("a");
    expect(a.version).toBe(2);
    // Checked by the typecheck, never run: a run's status is written only by RunIndex.update, which bumps its version.
    const _forgottenBump = () => {
      // @ts-expect-error status is read-only outside run-index.ts
      a.status = "COMPLETED";
    };
    expect(typeof _forgottenBump).toBe("function");
  });
});
