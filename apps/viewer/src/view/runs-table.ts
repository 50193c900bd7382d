import type { JourneyRun } from "@journey-runs/types";
import { type FormatTimeOptions, formatRunTime } from "../format-time.js";
import { statusClass, statusLabel } from "../run-status.js";
import { h } from "./dom.js";

/** A status as a coloured badge; the text names the status, so colour is never the only cue. */
export function statusBadge(owner: Document, status: string): HTMLSpanElement {
  return h(owner, "span", { class: `badge badge-${statusClass(status)}` }, statusLabel(status));
}

function timeCell(owner: Document, iso: string, options: FormatTimeOptions): HTMLTableCellElement {
  const time = formatRunTime(iso, options);
  const content = time.valid
    ? h(owner, "time", { datetime: time.iso, title: time.iso }, time.label)
    : h(owner, "span", { class: "invalid-time", title: "Not an ISO 8601 time" }, time.label);
  return h(owner, "td", {}, content);
}

/**
 * One table row for a run: id, status badge, created and last-updated times in local time (the ISO text on hover).
 * Rows take focus programmatically (`tabindex="-1"`) so that "Load more" can move focus to the first new run.
 */
export function runRow(owner: Document, run: JourneyRun, options: FormatTimeOptions = {}): HTMLTableRowElement {
  return h(
    owner,
    "tr",
    { tabindex: -1, "data-run-id": run.RunId },
    h(owner, "th", { scope: "row" }, h(owner, "code", {}, run.RunId)),
    h(owner, "td", {}, statusBadge(owner, run.Status)),
    timeCell(owner, run.CreationTime, options),
    timeCell(owner, run.LastUpdateTime, options),
  );
}
