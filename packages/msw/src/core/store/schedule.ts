import type { JourneyRunStatus } from "@journey-runs/types";
import type { RunIndex, StoredRun } from "./run-index.js";

/** One step of a run's planned lifecycle: the status it takes at `at` (epoch ms). */
export interface PlannedStep {
  at: number;
  status: JourneyRunStatus;
}

/** A planned step of one run, with the run's version when it was planned and the steps after it. */
interface Plan {
  at: number;
  /** Ties on `at` go in the order the steps were planned. */
  order: number;
  index: RunIndex;
  run: StoredRun;
  version: number;
  status: JourneyRunStatus;
  rest: PlannedStep[];
}

/**
 * The planned lifecycles of a store's runs (`scheduleRun`), applied lazily: nothing runs on a timer; every read of
 * the store first calls {@link settle}, which applies, in time order, each step due by the clock's now. This is the
 * model of moto's managed state (the status is brought up to date before it is read), kept beside the runs it
 * changes. A step is skipped when its run changed after it was planned (its `version` moved: `setRunStatus` cancels
 * the plan) or left its journey.
 */
export class RunSchedule {
  /** A min-heap by (at, order). */
  readonly #heap: Plan[] = [];
  #order = 0;

  constructor(readonly now: () => number) {}

  get size(): number {
    return this.#heap.length;
  }

  /** Plans `steps` (in time order) for `run` of `index`, from its current version. */
  plan(index: RunIndex, run: StoredRun, steps: readonly PlannedStep[]): void {
    const [first, ...rest] = steps;
    if (first) this.#push({ ...first, order: 0, index, run, version: run.version, rest });
  }

  /** Applies every step due by now, in time order; a step applied plans the run's next one. */
  settle(): void {
    const now = this.now();
    for (let due = this.#takeDue(now); due; due = this.#takeDue(now)) {
      const { index, run, version, status, rest } = due;
      if (run.version !== version || index.get(run.runId) !== run) continue;
      index.update(run, status, due.at);
      this.plan(index, run, rest);
    }
  }

  /** Forgets every plan (the store was reset or replaced). */
  clear(): void {
    this.#heap.length = 0;
  }

  #push(plan: Plan): void {
    const heap = this.#heap;
    plan.order = this.#order++;
    heap.push(plan);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the earliest plan if it is due by `now`. */
  #takeDue(now: number): Plan | undefined {
    const heap = this.#heap;
    const top = heap[0];
    if (!top || top.at > now) return undefined;
    const last = heap.pop() as Plan;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < heap.length && this.#less(left, smallest)) smallest = left;
        if (left + 1 < heap.length && this.#less(left + 1, smallest)) smallest = left + 1;
        if (smallest === i) break;
        this.#swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  #less(a: number, b: number): boolean {
    const x = this.#heap[a] as Plan;
    const y = this.#heap[b] as Plan;
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }

  #swap(a: number, b: number): void {
    const heap = this.#heap;
    [heap[a], heap[b]] = [heap[b] as Plan, heap[a] as Plan];
  }
}
