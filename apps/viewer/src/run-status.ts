import type { JourneyRunStatus } from "@journey-runs/types";

/** The statuses of a run in the contract, in the order of a run's life (the chart and the legend use it). */
export const RUN_STATUSES = [
  "SCHEDULED",
  "RUNNING",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly JourneyRunStatus[];

// Fails to compile when the contract gains a status that the list above does not name.
type MissingStatus = Exclude<JourneyRunStatus, (typeof RUN_STATUSES)[number]>;
const everyStatusListed: [MissingStatus] extends [never] ? true : MissingStatus = true;
void everyStatusListed;

/** Tells whether a status from the wire is one the contract knows; others get a neutral badge. */
export function isKnownStatus(status: string): status is JourneyRunStatus {
  return (RUN_STATUSES as readonly string[]).includes(status);
}

/** The CSS class suffix of a status badge: the lower-case status, or `unknown`. */
export function statusClass(status: string): string {
  return isKnownStatus(status) ? status.toLowerCase() : "unknown";
}

/** Human wording of a status for labels ("Completed"). */
export function statusLabel(status: string): string {
  if (!isKnownStatus(status)) return status === "" ? "Unknown" : status;
  return status.charAt(0) + status.slice(1).toLowerCase();
}
