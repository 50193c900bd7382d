import type { JourneyRun } from "@journey-runs/types";
import { RUN_STATUSES } from "../../contract-rules.js";
import { DataFileError, pointerSegment, shown } from "./data-errors.js";

const RUN_FIELDS = new Set(["CreationTime", "LastUpdateTime", "RunId", "Status"]);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const MAX_ID = 256;

/**
 * Checks one run of a data file (the wire's JourneyRunResponse): exactly its four fields, each valid. The parsed
 * object itself is returned (no copy: a million-run folder allocates enough already); it has no other own key,
 * `__proto__` included, since JSON.parse makes that an own key, which the field check refuses.
 */
export function checkRun(value: unknown, file: string, pointer: string): JourneyRun {
  const fail = (at: string, what: string, got: unknown): never => {
    throw new DataFileError(file, `${pointer}${at}`, `expected ${what}; got ${shown(got)}.`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail("", "a run: an object with CreationTime, LastUpdateTime, RunId and Status", value);
  }
  const run = value as Record<string, unknown>;
  for (const key of Object.keys(run)) {
    if (!RUN_FIELDS.has(key))
      fail(pointerSegment(key), "no other field than CreationTime, LastUpdateTime, RunId, Status", key);
  }
  const { CreationTime, LastUpdateTime, RunId, Status } = run;
  if (typeof CreationTime !== "string" || !ISO_TIME.test(CreationTime) || Number.isNaN(Date.parse(CreationTime))) {
    fail("/CreationTime", "an ISO 8601 date-time such as 2026-01-01T00:00:00.000Z", CreationTime);
  }
  if (
    typeof LastUpdateTime !== "string" ||
    !ISO_TIME.test(LastUpdateTime) ||
    Number.isNaN(Date.parse(LastUpdateTime))
  ) {
    fail("/LastUpdateTime", "an ISO 8601 date-time such as 2026-01-01T00:00:00.000Z", LastUpdateTime);
  }
  if (typeof RunId !== "string" || RunId.length === 0 || RunId.length > MAX_ID) {
    fail("/RunId", `a run id of 1 to ${MAX_ID} characters`, RunId);
  }
  if (typeof Status !== "string" || !(RUN_STATUSES as readonly string[]).includes(Status)) {
    fail("/Status", `one of ${RUN_STATUSES.join(", ")}`, Status);
  }
  return run as unknown as JourneyRun;
}

/** Checks a list of runs, at `pointer` of `file`. */
export function checkRuns(value: unknown, file: string, pointer: string): JourneyRun[] {
  if (!Array.isArray(value)) throw new DataFileError(file, pointer, `expected a list of runs; got ${shown(value)}.`);
  const runs = new Array<JourneyRun>(value.length);
  for (let index = 0; index < value.length; index += 1) {
    runs[index] = checkRun(value[index], file, `${pointer}/${index}`);
  }
  return runs;
}
