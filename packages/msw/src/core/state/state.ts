import type { JourneyRunsState } from "../../control-api/types.js";
import { JourneyRunsMockError, shown } from "../errors.js";
import {
  checkApplicationId,
  checkJourneyId,
  checkNewRunId,
  checkPageOrder,
  checkTime,
  checkWireRun,
  type RuleBreak,
  STATE_LIMITS,
} from "../run-rules.js";
import type { StoredRun } from "../store/run-index.js";

/** The `format` of a dump. */
export const STATE_FORMAT = "journey-runs-mock/state";

/** The version of the dump format this package reads and writes. */
export const STATE_VERSION = 1;

/** A validated state: every application with its journeys and their runs in page order. */
export interface ParsedState {
  now: number;
  applications: {
    applicationId: string;
    /** `byId`: the same runs by id, indexed as they were checked (a load takes both over as they are). */
    journeys: { journeyId: string; runs: StoredRun[]; byId?: Map<string, StoredRun> }[];
  }[];
}

function fail(pointer: string, expected: string, got: unknown): never {
  throw new JourneyRunsMockError(
    "INVALID_STATE",
    `The state is not valid at ${pointer || "/"}: expected ${expected}, got ${shown(got)}. Nothing was loaded.`,
  );
}

/** The rule breaks below `pointer`, as INVALID_STATE errors. */
const failAt =
  (pointer: string): RuleBreak =>
  (at, expected, got) =>
    fail(`${pointer}${at}`, expected, got);

function object(value: unknown, pointer: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(pointer, "an object", value);
  return value as Record<string, unknown>;
}

function array(value: unknown, pointer: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(pointer, "an array", value);
  if (value.length > max) fail(pointer, `at most ${max} items`, `${value.length} items`);
  return value;
}

/** The runs of a journey in page order, and the same runs by id (the one set of ids, which finds a repeated one). */
function runs(
  value: unknown,
  pointer: string,
  budget: { runs: number },
): { runs: StoredRun[]; byId: Map<string, StoredRun> } {
  const items = array(value, pointer, budget.runs);
  budget.runs -= items.length;
  const out = new Array<StoredRun>(items.length);
  const byId = new Map<string, StoredRun>();
  let previous = Number.NEGATIVE_INFINITY;
  let i = 0;
  // One reporter for the whole list: the pointer of run i is made only when a rule breaks.
  const runFail: RuleBreak = (at, expected, got) => fail(`${pointer}/${i}${at}`, expected, got);
  for (; i < items.length; i++) {
    const item = items[i];
    const run = checkWireRun(item, i, runFail);
    checkPageOrder(previous, run.creationTime, runFail, (item as Record<string, unknown>).CreationTime);
    checkNewRunId(byId, run, runFail);
    previous = run.creationTime;
    out[i] = run;
  }
  return { runs: out, byId };
}

/**
 * Validates a {@link JourneyRunsState} against the rules of `run-rules.ts` (it may come from a test, a file or over
 * HTTP) and returns it with times as numbers. Throws `JourneyRunsMockError` (INVALID_STATE) naming the JSON pointer
 * of the first problem and what was expected there. (The `--data` loader checks runs against the same rules as it
 * reads them, and hands them to the store with `loadChecked`, not through here.)
 */
export function parseState(value: unknown): ParsedState {
  const state = object(value, "");
  if (state.format !== STATE_FORMAT) fail("/format", JSON.stringify(STATE_FORMAT), state.format);
  if (state.version !== STATE_VERSION) fail("/version", String(STATE_VERSION), state.version);
  const now = checkTime(state.now, failAt("/now"));
  const budget = { runs: STATE_LIMITS.runs };
  const apps = array(state.applications, "/applications", STATE_LIMITS.applications);
  const seenApps = new Set<string>();
  let journeyCount = 0;
  const applications = apps.map((app, a) => {
    const pointer = `/applications/${a}`;
    const entry = object(app, pointer);
    const applicationId = checkApplicationId(entry.applicationId, failAt(`${pointer}/applicationId`));
    if (seenApps.has(applicationId))
      fail(`${pointer}/applicationId`, "an applicationId not used before", applicationId);
    seenApps.add(applicationId);
    const seenJourneys = new Set<string>();
    const journeys = array(entry.journeys, `${pointer}/journeys`, STATE_LIMITS.journeys).map((journey, j) => {
      const at = `${pointer}/journeys/${j}`;
      const item = object(journey, at);
      journeyCount += 1;
      if (journeyCount > STATE_LIMITS.totalJourneys)
        fail(at, `at most ${STATE_LIMITS.totalJourneys} journeys over all applications`, `journey ${journeyCount}`);
      const journeyId = checkJourneyId(item.journeyId, failAt(`${at}/journeyId`));
      if (seenJourneys.has(journeyId))
        fail(`${at}/journeyId`, "a journeyId not used before in this application", journeyId);
      seenJourneys.add(journeyId);
      return { journeyId, ...runs(item.runs, `${at}/runs`, budget) };
    });
    return { applicationId, journeys };
  });
  return { now, applications };
}

/** Whether `value` looks like a dump at all (its `format`), to tell it apart from other files. */
export function isJourneyRunsState(value: unknown): value is JourneyRunsState {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === STATE_FORMAT;
}
