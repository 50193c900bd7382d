import type { JourneyRunStatus } from "@journey-runs/types";
import { CONTROL_LIMITS } from "../generated/control-limits.js";
import { PATH_LABELS, RUN_LIMITS, RUN_STATUSES } from "./contract-rules.js";
import { isoTimeMs } from "./iso-time.js";
import type { StoredRun } from "./store/run-index.js";

/**
 * The rules a run (and a state of runs) must keep, in one place for the three doors that take runs: `parseState`
 * (a dump given to `load` or over HTTP: INVALID_STATE), the `--data` loader (a `DataFileError` naming the file) and
 * a journey's `addRun` (INVALID_ARGUMENT). Each rule reports a break through the caller's {@link RuleBreak}, which
 * makes the caller's error; the rules never build a JSON pointer unless one breaks (the loader checks a million runs).
 */

/** Reports a broken rule: `at` is the JSON pointer below the checked value ("" for itself). Never returns. */
export type RuleBreak = (at: string, expected: string, got: unknown) => never;

/**
 * The most applications, journeys per application, journeys over all applications (the three from the control
 * contract) and runs in all that a state may hold.
 */
export const STATE_LIMITS = {
  applications: CONTROL_LIMITS.applications,
  journeys: CONTROL_LIMITS.journeysPerApplication,
  totalJourneys: CONTROL_LIMITS.journeys,
  runs: 10_000_000,
} as const;

/** What a run time must be. */
export const TIME_EXPECTED = "an ISO 8601 date-time such as 2026-01-01T00:00:00.000Z";

const STATUS_EXPECTED = `one of ${RUN_STATUSES.join(", ")}`;
const FIELDS_EXPECTED = "no other field than CreationTime, LastUpdateTime, RunId, Status";

const lengthExpected = (limits: { minLength: number; maxLength: number }): string =>
  `a string of ${limits.minLength} to ${limits.maxLength} characters`;

/** A JSON pointer segment, escaped as RFC 6901 says. */
export function pointerSegment(key: string | number): string {
  return `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/** An id within the contract's length limits (`limits`: a path label's or `RUN_LIMITS.runId`). */
export function checkId(
  value: unknown,
  limits: { minLength: number; maxLength: number },
  fail: RuleBreak,
  at = "",
): string {
  if (typeof value !== "string" || value.length < limits.minLength || value.length > limits.maxLength) {
    fail(at, lengthExpected(limits), value);
  }
  return value;
}

/** An application id of a state (the length limits of the path label). */
export const checkApplicationId = (value: unknown, fail: RuleBreak, at = ""): string =>
  checkId(value, PATH_LABELS["application-id"].schema, fail, at);

/** A journey id of a state (the length limits of the path label). */
export const checkJourneyId = (value: unknown, fail: RuleBreak, at = ""): string =>
  checkId(value, PATH_LABELS["journey-id"].schema, fail, at);

/** A run id: 1 to 256 characters, as the contract's `RunId`. */
export const checkRunId = (value: unknown, fail: RuleBreak, at = ""): string =>
  checkId(value, RUN_LIMITS.runId, fail, at);

/** A run status of the contract. */
export function checkStatus(value: unknown, fail: RuleBreak, at = ""): JourneyRunStatus {
  if (!(RUN_STATUSES as readonly unknown[]).includes(value)) fail(at, STATUS_EXPECTED, value);
  return value as JourneyRunStatus;
}

/** A time on the wire (no longer than the contract allows), as epoch milliseconds. */
export function checkTime(value: unknown, fail: RuleBreak, at = ""): number {
  const ms = typeof value === "string" && value.length <= RUN_LIMITS.timeMaxLength ? isoTimeMs(value) : Number.NaN;
  if (!Number.isFinite(ms)) fail(at, TIME_EXPECTED, value);
  return ms;
}

/** A run's LastUpdateTime is not before its CreationTime. */
export function checkUpdatedAfterCreated(creationTime: number, lastUpdateTime: number, fail: RuleBreak, got: unknown) {
  if (lastUpdateTime < creationTime) fail("/LastUpdateTime", "a time not before CreationTime", got);
}

/** Runs come in page order: a run's CreationTime is not before the previous run's. */
export function checkPageOrder(previous: number, creationTime: number, fail: RuleBreak, got: unknown): void {
  if (creationTime < previous) fail("/CreationTime", "runs in page order (CreationTime never decreasing)", got);
}

/**
 * A run in wire shape (the contract's `JourneyRunResponse`: exactly its four fields, each valid; a `__proto__` key
 * is an own key after JSON.parse, so it is refused as a field), made into the run a store keeps, `seq` its place.
 */
export function checkWireRun(value: unknown, seq: number, fail: RuleBreak): StoredRun {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail("", "a run: an object with CreationTime, LastUpdateTime, RunId and Status", value);
  }
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    if (key !== "CreationTime" && key !== "LastUpdateTime" && key !== "RunId" && key !== "Status") {
      fail(pointerSegment(key), FIELDS_EXPECTED, key);
    }
  }
  const runId = checkRunId(fields.RunId, fail, "/RunId");
  const status = checkStatus(fields.Status, fail, "/Status");
  const creationTime = checkTime(fields.CreationTime, fail, "/CreationTime");
  const lastUpdateTime = checkTime(fields.LastUpdateTime, fail, "/LastUpdateTime");
  checkUpdatedAfterCreated(creationTime, lastUpdateTime, fail, fields.LastUpdateTime);
  return { runId, creationTime, seq, lastUpdateTime, status, version: 0 };
}

/** A run id used once in its journey: `byId` holds the journey's runs so far, and gets `run`. */
export function checkNewRunId(byId: Map<string, StoredRun>, run: StoredRun, fail: RuleBreak): void {
  const size = byId.size;
  byId.set(run.runId, run);
  if (byId.size === size) fail("/RunId", "a RunId not used before in this journey", run.runId);
}
