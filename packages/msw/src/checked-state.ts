import type { JourneyRunsState } from "./control/types.js";
import type { StoredRun } from "./run-index.js";

/**
 * The runs of one journey, already checked against every rule of `parseState`, as columns: entry `i` of each is
 * the run at place `i` in page order. A million runs are four arrays here, not a million objects kept for `reset()`.
 */
export interface CheckedRuns {
  readonly ids: readonly string[];
  /** Epoch milliseconds. */
  readonly creationTimes: readonly number[];
  /** Epoch milliseconds. */
  readonly lastUpdateTimes: readonly number[];
  /** Indexes into `RUN_STATUSES`. */
  readonly statuses: readonly number[];
  /**
   * The stored runs and their index by id when they were made while checking, once: the first load takes them
   * over (they are its own from then on); later loads get `undefined` and make new ones from the columns.
   */
  takeStored(): { runs: StoredRun[]; byId: Map<string, StoredRun> } | undefined;
}

/** A state as `parseState` would return it, with each journey's runs as {@link CheckedRuns}. */
export interface CheckedState {
  readonly now: number;
  readonly applications: readonly {
    readonly applicationId: string;
    readonly journeys: readonly { readonly journeyId: string; readonly runs: CheckedRuns }[];
  }[];
}

const CHECKED = new WeakMap<object, CheckedState>();

/**
 * Records that `state` passes `parseState` and parses to `checked`, so that loading it (at start, at every `reset()`,
 * in every tenant) builds the stored runs from the columns instead of checking a million runs again. Only for
 * states this package made and froze (the `--data` reader): nothing can change them after the check.
 */
export function vouchForState(state: JourneyRunsState, checked: CheckedState): void {
  if (!Object.isFrozen(state) || !Object.isFrozen(state.applications))
    throw new TypeError("only a frozen state can be vouched for");
  CHECKED.set(state, checked);
}

/** The checked form of `state` when {@link vouchForState} vouched for it; else `undefined` (check it in full). */
export function checkedState(state: unknown): CheckedState | undefined {
  return typeof state === "object" && state !== null ? CHECKED.get(state) : undefined;
}
