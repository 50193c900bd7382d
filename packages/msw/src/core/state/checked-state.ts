import type { JourneyRun, JourneyRunStatus } from "@journey-runs/types";
import { RUN_STATUSES } from "../contract-rules.js";
import { RunIndex, type StoredRun } from "../store/run-index.js";

interface Columns {
  ids: string[];
  creationTimes: Float64Array;
  lastUpdateTimes: Float64Array;
  /** Indexes into `RUN_STATUSES`. */
  statuses: Uint8Array;
}

/**
 * The runs of one journey, already checked against the run rules (`core/run-rules.ts`), in page order. The first load takes
 * over the stored runs and their index by id that were made while checking (they are its own from then on); before
 * that their values are copied into columns (typed arrays: a million runs are kept for `reset()` and tenants without
 * a million objects), from which every later load makes new stored runs.
 */
export class CheckedRuns {
  #first: { runs: StoredRun[]; byId: Map<string, StoredRun> } | undefined;
  #columns: Columns | undefined;
  #shared: { key: string; index: RunIndex } | undefined;

  /** `runs` in page order with `seq` their place, `byId` the same runs by id; both untouched until {@link take}. */
  constructor(runs: StoredRun[], byId: Map<string, StoredRun>) {
    this.#first = { runs, byId };
  }

  /** The runs for a load: the first time the stored runs made while checking with their index, then new ones. */
  take(): { runs: StoredRun[]; byId?: Map<string, StoredRun> } {
    const first = this.#first;
    if (first !== undefined) {
      this.#columns = columnsOf(first.runs);
      this.#first = undefined;
      return first;
    }
    const { ids, creationTimes, lastUpdateTimes, statuses } = this.#columns as Columns;
    const runs = new Array<StoredRun>(ids.length);
    for (let i = 0; i < runs.length; i++) {
      runs[i] = {
        runId: ids[i] as string,
        creationTime: creationTimes[i] as number,
        seq: i,
        lastUpdateTime: lastUpdateTimes[i] as number,
        status: RUN_STATUSES[statuses[i] as number] as JourneyRunStatus,
        version: 0,
      };
    }
    return { runs };
  }

  /**
   * The one index of these runs that every store with token key `key` shares (it must never change: a journey
   * copies it before changing a run), made on first use; `undefined` for another key, whose store loads its own.
   */
  shared(key: string): RunIndex | undefined {
    if (this.#shared === undefined) {
      const { runs, byId } = this.take();
      const index = new RunIndex();
      index.adopt(runs, byId ?? new Map(runs.map((run) => [run.runId, run])));
      this.#shared = { key, index };
    }
    return this.#shared.key === key ? this.#shared.index : undefined;
  }

  /** The runs in wire shape (times in the dump's form), for whoever reads the data itself (a test). */
  wire(): JourneyRun[] {
    const { ids, creationTimes, lastUpdateTimes, statuses } = this.#columns ?? columnsOf(this.#first?.runs ?? []);
    return ids.map((RunId, i) => ({
      CreationTime: new Date(creationTimes[i] as number).toISOString(),
      LastUpdateTime: new Date(lastUpdateTimes[i] as number).toISOString(),
      RunId,
      Status: RUN_STATUSES[statuses[i] as number] as JourneyRunStatus,
    }));
  }
}

function columnsOf(runs: readonly StoredRun[]): Columns {
  const columns: Columns = {
    ids: new Array<string>(runs.length),
    creationTimes: new Float64Array(runs.length),
    lastUpdateTimes: new Float64Array(runs.length),
    statuses: new Uint8Array(runs.length),
  };
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as StoredRun;
    columns.ids[i] = run.runId;
    columns.creationTimes[i] = run.creationTime;
    columns.lastUpdateTimes[i] = run.lastUpdateTime;
    columns.statuses[i] = RUN_STATUSES.indexOf(run.status);
  }
  return columns;
}

/** A state whose runs the `--data` loader checked against the run rules, each journey's runs as {@link CheckedRuns}. */
export interface CheckedState {
  readonly now: number;
  readonly applications: readonly {
    readonly applicationId: string;
    readonly journeys: readonly { readonly journeyId: string; readonly runs: CheckedRuns }[];
  }[];
}
