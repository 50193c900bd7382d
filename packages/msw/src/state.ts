import type { JourneyRunStatus } from "@journey-runs/types";
import { checkedState } from "./checked-state.js";
import { PATH_LABELS, RUN_LIMITS, RUN_STATUSES } from "./contract-rules.js";
import type { JourneyRunsState } from "./control/types.js";
import { JourneyRunsMockError } from "./errors.js";
import { CONTROL_LIMITS } from "./generated/control-limits.js";
import { isoTimeMs } from "./iso-time.js";
import type { StoredRun } from "./run-index.js";

/** The `format` of a dump. */
export const STATE_FORMAT = "journey-runs-mock/state";

/** The version of the dump format this package reads and writes. */
export const STATE_VERSION = 1;

/** A run of a loaded state as the store keeps it (times as epoch milliseconds, `seq` its place in page order). */
export type ParsedRun = StoredRun;

/** A validated state: every application with its journeys and their runs in page order. */
export interface ParsedState {
  now: number;
  applications: {
    applicationId: string;
    /** `byId`: the same runs by id, indexed as they were checked (a load takes both over as they are). */
    journeys: { journeyId: string; runs: ParsedRun[]; byId?: Map<string, ParsedRun> }[];
  }[];
}

/** The most applications, journeys per application (both from the control contract) and runs a state may hold. */
export const STATE_LIMITS = {
  applications: CONTROL_LIMITS.applications,
  journeys: CONTROL_LIMITS.journeysPerApplication,
  totalJourneys: CONTROL_LIMITS.journeys,
  runs: 10_000_000,
} as const;

const TIME_EXPECTED = "an ISO 8601 date-time such as 2026-01-01T00:00:00.000Z";
const STATUSES: ReadonlySet<unknown> = new Set(RUN_STATUSES);

const describe = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return typeof value === "object" ? "an object" : String(value);
};

function fail(pointer: string, expected: string, got: unknown): never {
  throw new JourneyRunsMockError(
    "INVALID_STATE",
    `The state is not valid at ${pointer || "/"}: expected ${expected}, got ${describe(got)}. Nothing was loaded.`,
  );
}

function object(value: unknown, pointer: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(pointer, "an object", value);
  return value as Record<string, unknown>;
}

function array(value: unknown, pointer: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(pointer, "an array", value);
  if (value.length > max) fail(pointer, `at most ${max} items`, `${value.length} items`);
  return value;
}

function id(value: unknown, pointer: string, limits: { minLength: number; maxLength: number }): string {
  if (typeof value !== "string" || value.length < limits.minLength || value.length > limits.maxLength) {
    fail(pointer, `a string of ${limits.minLength} to ${limits.maxLength} characters`, value);
  }
  return value;
}

/** The time at `pointer` as epoch milliseconds; a run's time is at `pointer/i/field` (made only for an error). */
function time(value: unknown, pointer: string, i?: number, field?: string): number {
  const ms = typeof value === "string" && value.length <= RUN_LIMITS.timeMaxLength ? isoTimeMs(value) : Number.NaN;
  if (!Number.isFinite(ms)) fail(i === undefined ? pointer : `${pointer}/${i}/${field}`, TIME_EXPECTED, value);
  return ms;
}

/** Checks run `i` of the list at `pointer` (the pointer of a field is only made for an error). */
function run(value: unknown, pointer: string, i: number): ParsedRun {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`${pointer}/${i}`, "an object", value);
  const item = value as Record<string, unknown>;
  for (const key in item) {
    if (key !== "RunId" && key !== "Status" && key !== "CreationTime" && key !== "LastUpdateTime") {
      fail(`${pointer}/${i}/${key}`, "no such property (a run has CreationTime, LastUpdateTime, RunId, Status)", key);
    }
  }
  const { RunId: runId, Status: status } = item;
  const { minLength, maxLength } = RUN_LIMITS.runId;
  if (typeof runId !== "string" || runId.length < minLength || runId.length > maxLength)
    id(runId, `${pointer}/${i}/RunId`, RUN_LIMITS.runId);
  if (!STATUSES.has(status)) fail(`${pointer}/${i}/Status`, RUN_STATUSES.join(", "), status);
  const creationTime = time(item.CreationTime, pointer, i, "CreationTime");
  const lastUpdateTime = time(item.LastUpdateTime, pointer, i, "LastUpdateTime");
  if (lastUpdateTime < creationTime)
    fail(`${pointer}/${i}/LastUpdateTime`, "a time not before CreationTime", item.LastUpdateTime);
  return {
    runId: runId as string,
    creationTime,
    seq: i,
    lastUpdateTime,
    status: status as JourneyRunStatus,
    version: 0,
  };
}

/** The runs of a journey in page order, and the same runs by id (the one set of ids, which finds a repeated one). */
function runs(
  value: unknown,
  pointer: string,
  budget: { runs: number },
): { runs: ParsedRun[]; byId: Map<string, ParsedRun> } {
  const items = array(value, pointer, budget.runs);
  budget.runs -= items.length;
  const out = new Array<ParsedRun>(items.length);
  const byId = new Map<string, ParsedRun>();
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < items.length; i++) {
    const parsed = run(items[i], pointer, i);
    if (parsed.creationTime < previous) {
      fail(
        `${pointer}/${i}/CreationTime`,
        "runs in page order (CreationTime never decreasing)",
        items[i] && (items[i] as Record<string, unknown>).CreationTime,
      );
    }
    const size = byId.size;
    byId.set(parsed.runId, parsed);
    if (byId.size === size) fail(`${pointer}/${i}/RunId`, "a RunId not used before in this journey", parsed.runId);
    previous = parsed.creationTime;
    out[i] = parsed;
  }
  return { runs: out, byId };
}

/**
 * Validates a {@link JourneyRunsState} completely (nothing is trusted: it may come from a file or over HTTP) and
 * returns it with times as numbers. Throws `JourneyRunsMockError` (INVALID_STATE) naming the JSON pointer of the
 * first problem and what was expected there.
 */
export function parseState(value: unknown): ParsedState {
  const checked = checkedState(value);
  if (checked !== undefined) {
    return {
      now: checked.now,
      applications: checked.applications.map(({ applicationId, journeys }) => ({
        applicationId,
        journeys: journeys.map(({ journeyId, runs }) => ({ journeyId, ...runs.take() })),
      })),
    };
  }
  const state = object(value, "");
  if (state.format !== STATE_FORMAT) fail("/format", JSON.stringify(STATE_FORMAT), state.format);
  if (state.version !== STATE_VERSION) fail("/version", String(STATE_VERSION), state.version);
  const now = time(state.now, "/now");
  const budget = { runs: STATE_LIMITS.runs };
  const apps = array(state.applications, "/applications", STATE_LIMITS.applications);
  const seenApps = new Set<string>();
  let journeyCount = 0;
  const applications = apps.map((app, a) => {
    const pointer = `/applications/${a}`;
    const entry = object(app, pointer);
    const applicationId = id(entry.applicationId, `${pointer}/applicationId`, PATH_LABELS["application-id"].schema);
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
      const journeyId = id(item.journeyId, `${at}/journeyId`, PATH_LABELS["journey-id"].schema);
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
