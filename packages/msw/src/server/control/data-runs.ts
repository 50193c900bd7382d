import type { JourneyRun } from "@journey-runs/types";
import { RUN_LIMITS, RUN_STATUSES } from "../../contract-rules.js";
import { isoTimeMs } from "../../iso-time.js";
import type { StoredRun } from "../../run-index.js";
import { DataFileError, pointerSegment, shown } from "./data-errors.js";

const MAX_ID = 256;
const TIME_EXPECTED = "an ISO 8601 date-time such as 2026-01-01T00:00:00.000Z";

/**
 * The runs of one journey of the data as they are read: checked, made into the stored runs a load keeps (times
 * parsed once), indexed by id, plus whether `parseState` takes them as they are (`exact`). With `keepWire` the
 * parsed objects are kept too, for a state that `parseState` must check in full; without it they are dropped with
 * their file, and a million of them never reach the old generation of the heap.
 */
export class RunsRead {
  readonly stored: StoredRun[] = [];
  readonly byId = new Map<string, StoredRun>();
  readonly wire: JourneyRun[] | undefined;
  /** Whether `parseState` takes the runs as they are: every rule is now checked as they are read, so always true. */
  exact = true;

  constructor(keepWire: boolean) {
    this.wire = keepWire ? [] : undefined;
  }

  /** Indexes the runs appended from `start` on by id: the place of the first id that is not new, or -1. */
  index(start: number): number {
    const { stored, byId } = this;
    for (let i = start; i < stored.length; i++) {
      const run = stored[i] as StoredRun;
      const size = byId.size;
      byId.set(run.runId, run);
      if (byId.size === size) return i;
    }
    return -1;
  }
}

function fail(file: string, pointer: string, index: number, at: string, what: string, got: unknown): never {
  throw new DataFileError(file, `${pointer}/${index}${at}`, `expected ${what}; got ${shown(got)}.`);
}

/** A time of a run as epoch milliseconds; throws the data error of `field` when it is none. */
function runTime(value: unknown, file: string, pointer: string, index: number, field: string): number {
  const ms = typeof value === "string" ? isoTimeMs(value) : Number.NaN;
  if (Number.isNaN(ms)) fail(file, pointer, index, `/${field}`, TIME_EXPECTED, value);
  return ms;
}

/**
 * Checks a list of runs at `pointer` of `file` (each one the wire's JourneyRunResponse: exactly its four fields, each
 * valid; a `__proto__` key is an own key after JSON.parse, so it is refused as a field) and appends them to `into`.
 * Returns how many were appended. Pointers are made only for an error: this runs a million times for a big folder.
 */
export function appendRuns(value: unknown, file: string, pointer: string, into: RunsRead): number {
  if (!Array.isArray(value)) throw new DataFileError(file, pointer, `expected a list of runs; got ${shown(value)}.`);
  const { stored, wire } = into;
  const { minLength, maxLength } = RUN_LIMITS.runId;
  const timeMax = RUN_LIMITS.timeMaxLength;
  let previous = stored.length === 0 ? Number.NEGATIVE_INFINITY : (stored.at(-1) as StoredRun).creationTime;
  for (let index = 0; index < value.length; index += 1) {
    const run: unknown = value[index];
    if (typeof run !== "object" || run === null || Array.isArray(run)) {
      fail(file, pointer, index, "", "a run: an object with CreationTime, LastUpdateTime, RunId and Status", run);
    }
    const fields = run as Record<string, unknown>;
    for (const key in fields) {
      if (
        key !== "CreationTime" &&
        key !== "LastUpdateTime" &&
        key !== "RunId" &&
        key !== "Status" &&
        Object.hasOwn(fields, key)
      ) {
        const what = "no other field than CreationTime, LastUpdateTime, RunId, Status";
        fail(file, pointer, index, pointerSegment(key), what, key);
      }
    }
    const { CreationTime, LastUpdateTime, RunId, Status } = fields;
    const creationTime = runTime(CreationTime, file, pointer, index, "CreationTime");
    const lastUpdateTime = runTime(LastUpdateTime, file, pointer, index, "LastUpdateTime");
    if (typeof RunId !== "string" || RunId.length === 0 || RunId.length > MAX_ID) {
      fail(file, pointer, index, "/RunId", `a run id of 1 to ${MAX_ID} characters`, RunId);
    }
    const status = (RUN_STATUSES as readonly unknown[]).indexOf(Status);
    if (status < 0) fail(file, pointer, index, "/Status", `one of ${RUN_STATUSES.join(", ")}`, Status);
    // What parseState also asks of a journey's runs, said here with the file and pointer of the run at fault.
    if ((CreationTime as string).length > timeMax)
      fail(file, pointer, index, "/CreationTime", `a time of at most ${timeMax} characters`, CreationTime);
    if ((LastUpdateTime as string).length > timeMax)
      fail(file, pointer, index, "/LastUpdateTime", `a time of at most ${timeMax} characters`, LastUpdateTime);
    if (RunId.length < minLength || RunId.length > maxLength)
      fail(file, pointer, index, "/RunId", `a run id of ${minLength} to ${maxLength} characters`, RunId);
    if (lastUpdateTime < creationTime)
      fail(file, pointer, index, "/LastUpdateTime", "a time not before CreationTime", LastUpdateTime);
    if (creationTime < previous) {
      const what =
        "runs in page order (CreationTime never earlier than the run before, in this file or the pages before it)";
      fail(file, pointer, index, "/CreationTime", what, CreationTime);
    }
    previous = creationTime;
    stored.push({
      runId: RunId,
      creationTime,
      seq: stored.length,
      lastUpdateTime,
      status: RUN_STATUSES[status] as StoredRun["status"],
      version: 0,
    });
    wire?.push(run as JourneyRun);
  }
  return value.length;
}
