import type { JourneyRunStatus } from "@journey-runs/types";
import type { PagePosition } from "../tokens/page-token.js";

/** A run as the store keeps it: times as epoch milliseconds, plus its place in the sort order. */
export interface StoredRun {
  readonly runId: string;
  readonly creationTime: number;
  readonly seq: number;
  lastUpdateTime: number;
  status: JourneyRunStatus;
  /** Bumped on every change, so that a planned transition can tell whether the run changed since it was planned. */
  version: number;
  /** The run's JSON on the wire, as of `jsonVersion`: pages reuse it instead of formatting dates again. */
  json?: string;
  jsonVersion?: number;
  /** The NextToken of a page that ends with this run; it never changes, so it is signed once. */
  token?: string;
}

const before = (a: PagePosition, b: PagePosition): boolean =>
  a.creationTime < b.creationTime || (a.creationTime === b.creationTime && a.seq < b.seq);

/**
 * The runs of one journey, sorted by (creation time, arrival order), with a lookup by id. A page is one binary
 * search plus a slice: O(log n + page size), whatever the journey's size.
 */
export class RunIndex {
  #sorted: StoredRun[] = [];
  #byId = new Map<string, StoredRun>();
  #generation = 0;

  /** Changes whenever a run is added or removed: a place in the order holds the same run while it stays the same. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#sorted.length;
  }

  get(runId: string): StoredRun | undefined {
    return this.#byId.get(runId);
  }

  /** The last run in sort order. */
  last(): StoredRun | undefined {
    return this.#sorted[this.#sorted.length - 1];
  }

  insert(run: StoredRun): void {
    this.#generation++;
    this.#byId.set(run.runId, run);
    const last = this.last();
    // Runs usually arrive in time order: appending is then O(1).
    if (!last || before(last, run)) this.#sorted.push(run);
    else this.#sorted.splice(this.#firstAfter(run), 0, run);
  }

  /**
   * Inserts many runs at once (ids must be new): appended when they come in order, else one stable sort of the
   * whole journey, O(n log n) instead of a splice per run.
   */
  insertMany(runs: readonly StoredRun[]): void {
    this.#generation++;
    const sorted = this.#sorted;
    let inOrder = true;
    for (const run of runs) {
      this.#byId.set(run.runId, run);
      const last = sorted[sorted.length - 1];
      if (last && !before(last, run)) inOrder = false;
      sorted.push(run);
    }
    if (!inOrder) sorted.sort((a, b) => a.creationTime - b.creationTime || a.seq - b.seq);
  }

  /**
   * Replaces every run with `sorted`, taken over as it is with its index by id (no copy, no sort): for runs checked
   * in sort order with unique ids as they were read (a data folder of a million runs).
   */
  adopt(sorted: StoredRun[], byId: Map<string, StoredRun>): void {
    this.clear();
    this.#sorted = sorted;
    this.#byId = byId;
  }

  remove(runId: string): StoredRun | undefined {
    const run = this.#byId.get(runId);
    if (!run) return undefined;
    this.#generation++;
    this.#byId.delete(runId);
    this.#sorted.splice(this.#firstAfter(run) - 1, 1);
    return run;
  }

  clear(): void {
    this.#generation++;
    this.#sorted = [];
    this.#byId.clear();
  }

  /** Up to `count` runs that sort after `position` (from the first run without a position). */
  page(position: PagePosition | undefined, count: number): { runs: StoredRun[]; more: boolean } {
    const start = this.startOf(position);
    const runs = this.#sorted.slice(start, start + count);
    return { runs, more: start + count < this.#sorted.length };
  }

  /** The place of the first run that sorts after `position` (0 without a position). */
  startOf(position: PagePosition | undefined): number {
    return position ? this.#firstAfter(position) : 0;
  }

  /** The run at a place in the order. */
  at(place: number): StoredRun | undefined {
    return this.#sorted[place];
  }

  all(): readonly StoredRun[] {
    return this.#sorted;
  }

  /** The index of the first run that sorts strictly after `position`. */
  #firstAfter(position: PagePosition): number {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(position, this.#sorted[mid] as StoredRun)) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
