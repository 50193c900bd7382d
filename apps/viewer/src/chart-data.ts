import { RUN_STATUSES } from "./run-status.js";

/** One bar of the status chart. */
export interface StatusBar {
  readonly status: string;
  readonly count: number;
  /** Share of all loaded runs, 0..100, rounded to a whole number. */
  readonly percent: number;
  /** Bar length relative to the longest bar, 0..100. */
  readonly width: number;
}

/**
 * Counts the loaded runs by status: one bar per contract status (zero counts included, in lifecycle order), then
 * any status the contract does not know, in order of first appearance.
 *
 * @example
 * statusBars([{ Status: "COMPLETED" }, { Status: "SCHEDULED" }]).map((bar) => bar.count); // [1, 0, 1, 0]
 */
export function statusBars(runs: readonly { readonly Status: string }[]): StatusBar[] {
  const counts = new Map<string, number>(RUN_STATUSES.map((status) => [status, 0]));
  for (const run of runs) counts.set(run.Status, (counts.get(run.Status) ?? 0) + 1);
  const largest = Math.max(0, ...counts.values());
  return [...counts].map(([status, count]) => ({
    status,
    count,
    percent: runs.length === 0 ? 0 : Math.round((count / runs.length) * 100),
    width: largest === 0 ? 0 : (count / largest) * 100,
  }));
}
