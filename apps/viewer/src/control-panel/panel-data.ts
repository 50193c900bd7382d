import type { JournalEntry, JourneyRunsState } from "@journey-runs/msw/control";
import { isKnownStatus, RUN_STATUSES } from "../run-status.js";

/** Journeys the panel lists at most; the rest are counted in {@link FakeSummary.moreJourneys}. */
export const MAX_JOURNEY_ROWS = 100;

/** Journal entries the panel asks for and shows at most (the newest ones). */
export const JOURNAL_LIMIT = 20;

/** One journey of the fake with its runs counted by status (statuses the contract does not know go to `other`). */
export interface JourneySummary {
  readonly applicationId: string;
  readonly journeyId: string;
  readonly total: number;
  readonly byStatus: ReadonlyMap<string, number>;
  readonly other: number;
}

/** What the panel shows of a dump: the clock and the journeys, bounded. */
export interface FakeSummary {
  readonly now: string;
  readonly journeys: readonly JourneySummary[];
  /** Journeys left out past {@link MAX_JOURNEY_ROWS}. */
  readonly moreJourneys: number;
}

/** One journal line as the panel shows it. */
export interface JournalRow {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: string;
  readonly requestId: string;
  readonly invocationId: string;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  typeof value === "object" && value !== null && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;

/**
 * Counts the runs of every journey in a dump by status. The dump comes from a server, so it is read defensively:
 * missing or odd fields count as nothing rather than throwing, and at most {@link MAX_JOURNEY_ROWS} journeys are kept.
 */
export function summarizeState(state: JourneyRunsState): FakeSummary {
  const journeys: JourneySummary[] = [];
  let seen = 0;
  for (const application of list(field(state, "applications"))) {
    for (const journey of list(field(application, "journeys"))) {
      seen += 1;
      if (journeys.length >= MAX_JOURNEY_ROWS) continue;
      const byStatus = new Map<string, number>(RUN_STATUSES.map((status) => [status, 0]));
      let other = 0;
      const runs = list(field(journey, "runs"));
      for (const run of runs) {
        const status = text(field(run, "Status"));
        if (isKnownStatus(status)) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        else other += 1;
      }
      journeys.push({
        applicationId: text(field(application, "applicationId")),
        journeyId: text(field(journey, "journeyId")),
        total: runs.length,
        byStatus,
        other,
      });
    }
  }
  return { now: text(field(state, "now")), journeys, moreJourneys: seen - journeys.length };
}

/**
 * The newest `limit` journal entries (the journal lists them oldest first), newest first, with the invocation id
 * taken from the `amz-sdk-invocation-id` header. Read defensively, like {@link summarizeState}.
 */
export function journalRows(entries: readonly JournalEntry[], limit = JOURNAL_LIMIT): JournalRow[] {
  return list(entries)
    .slice(-limit)
    .reverse()
    .map((entry) => {
      const status = field(entry, "status");
      return {
        time: text(field(entry, "time")),
        method: text(field(entry, "method")),
        path: text(field(entry, "path")),
        query: text(field(entry, "query")),
        status: typeof status === "number" ? String(status) : text(status),
        requestId: text(field(entry, "requestId")),
        invocationId: text(field(field(entry, "headers"), "amz-sdk-invocation-id")),
      };
    });
}
