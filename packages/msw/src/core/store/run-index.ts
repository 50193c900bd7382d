import type { JourneyRunStatus } from "@journey-runs/types";
import type { PagePosition } from "../tokens/page-token.js";

/**
 * A run as the store keeps it: times as epoch milliseconds, plus its place in the sort order. Every field is
 * read-only here: {@link RunIndex.update} is the one writer of `status` and `lastUpdateTime`, and it bumps `version`,
 * so a new way to change a run cannot forget the bump (it would not compile).
 */
export interface StoredRun {
  readonly runId: string;
  readonly creationTime: number;
  readonly seq: number;
  readonly lastUpdateTime: number;
  readonly status: JourneyRunStatus;
  /**
   * Bumped on every change of the run (and when it leaves its journey). Three readers rely on it: a planned
   * transition skips a run changed since it was planned (schedule.ts), the run's JSON is formatted again
   * ({@link wireJsonOf}), and a cached page holding the run is dropped (page-cache.ts).
   */
  readonly version: number;
  /** The run's JSON on the wire, as of `jsonVersion`: pages reuse it instead of formatting dates again. */
  readonly json?: string;
  readonly jsonVersion?: number;
  /** The NextToken of a page that ends with this run; it never changes, so it is signed once. */
  readonly token?: string;
}

/** The writable view of a run, for this module only. */
type WritableRun = { -readonly [K in keyof StoredRun]: StoredRun[K] };

/** The run's wire JSON, made by `format` once per version of the run. */
export function wireJsonOf(run: StoredRun, format: (run: StoredRun) => string): string {
  if (run.jsonVersion !== run.version || run.json === undefined) {
    const writable = run as WritableRun;
    writable.json = format(run);
    writable.jsonVersion = run.version;
  }
  return run.json as string;
}

/** The NextToken of a page ending with `run`, signed by `sign` the first time it is asked for. */
export function tokenOf(run: StoredRun, sign: (run: StoredRun) => string): string {
  const writable = run as WritableRun;
  writable.token ??= sign(run);
  return writable.token;
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

  /** The one writer of a run: sets its status and LastUpdateTime and bumps its version. */
  update(run: StoredRun, status: JourneyRunStatus, at: number): void {
    const writable = run as WritableRun;
    writable.status = status;
    writable.lastUpdateTime = at;
    writable.version++;
  }

  /** Removes a run (its version is bumped: whatever holds it sees that it changed). */
  remove(runId: string): StoredRun | undefined {
    const run = this.#byId.get(runId);
    if (!run) return undefined;
    this.#generation++;
    this.#byId.delete(runId);
    this.#sorted.splice(this.#firstAfter(run) - 1, 1);
    (run as WritableRun).version++;
    return run;
  }

  /** Removes every run, bumping each one's version as {@link remove} does. */
  clear(): void {
    this.#generation++;
    for (const run of this.#sorted) (run as WritableRun).version++;
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
