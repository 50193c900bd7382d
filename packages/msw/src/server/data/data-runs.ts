import { checkNewRunId, checkPageOrder, checkWireRun, type RuleBreak } from "../../core/run-rules.js";
import type { StoredRun } from "../../core/store/run-index.js";
import { DataFileError, shown } from "./data-errors.js";

/** The runs of one journey of the data as they are read: checked, made into the runs a load keeps, indexed by id. */
export class RunsRead {
  readonly stored: StoredRun[] = [];
  readonly byId = new Map<string, StoredRun>();
}

/**
 * Checks a list of runs at `pointer` of `file` against the run rules (`core/run-rules.ts`, the rules `parseState`
 * applies: each run, page order across the journey's files, ids new to the journey) and appends them to `into`.
 * Returns how many were appended. Pointers are made only for an error: this runs a million times for a big folder.
 */
export function appendRuns(value: unknown, file: string, pointer: string, into: RunsRead): number {
  if (!Array.isArray(value)) throw new DataFileError(file, pointer, `expected a list of runs; got ${shown(value)}.`);
  const { stored, byId } = into;
  let previous = stored.length === 0 ? Number.NEGATIVE_INFINITY : (stored.at(-1) as StoredRun).creationTime;
  let index = 0;
  const fail: RuleBreak = (at, expected, got) => {
    throw new DataFileError(file, `${pointer}/${index}${at}`, `expected ${expected}; got ${shown(got)}.`);
  };
  for (; index < value.length; index += 1) {
    const item: unknown = value[index];
    const run = checkWireRun(item, stored.length, fail);
    checkPageOrder(previous, run.creationTime, fail, (item as Record<string, unknown>).CreationTime);
    checkNewRunId(byId, run, fail);
    previous = run.creationTime;
    stored.push(run);
  }
  return value.length;
}
