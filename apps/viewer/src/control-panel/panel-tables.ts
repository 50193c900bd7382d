import { type FormatTimeOptions, formatRunTime } from "../format-time.js";
import { RUN_STATUSES, statusLabel } from "../run-status.js";
import { h } from "../view/dom.js";
import type { JournalRow, JourneySummary } from "./panel-data.js";

/** Column headers of the journeys table. */
export const JOURNEY_COLUMNS = ["Application ID", "Journey ID", "Runs", ...RUN_STATUSES.map(statusLabel), "Other"];
/** Column headers of the journal table. */
export const JOURNAL_COLUMNS = ["Time", "Method", "Path", "Query", "Status", "Request ID", "Invocation ID"];

/** A table with column headers in a labelled region that scrolls sideways (and takes focus to do it by keyboard). */
export function controlTable(
  owner: Document,
  labelId: string,
  caption: string,
  columns: readonly string[],
  body: HTMLTableSectionElement,
): HTMLElement {
  return h(
    owner,
    "div",
    { class: "control-table", role: "region", "aria-labelledby": labelId, tabindex: 0 },
    h(
      owner,
      "table",
      {},
      h(owner, "caption", { class: "visually-hidden" }, caption),
      h(owner, "thead", {}, h(owner, "tr", {}, ...columns.map((title) => h(owner, "th", { scope: "col" }, title)))),
      body,
    ),
  );
}

/** A time from the fake in local time, the ISO text on hover. */
export function fakeTime(owner: Document, iso: string, options: FormatTimeOptions = {}): HTMLElement {
  return h(owner, "time", { datetime: iso, title: iso }, formatRunTime(iso, options).label);
}

const code = (owner: Document, value: string) => (value === "" ? "–" : h(owner, "code", {}, value));
const emptyRow = (owner: Document, columns: number, text: string) =>
  h(owner, "tr", {}, h(owner, "td", { colspan: columns }, text));

/** The rows of the journeys table: one per journey (its id as the row header), or a row that says there is none. */
export function journeyRows(owner: Document, journeys: readonly JourneySummary[]): HTMLTableRowElement[] {
  if (journeys.length === 0) return [emptyRow(owner, JOURNEY_COLUMNS.length, "The fake has no journeys.")];
  return journeys.map((journey) =>
    h(
      owner,
      "tr",
      {},
      h(owner, "td", {}, code(owner, journey.applicationId)),
      h(owner, "th", { scope: "row" }, code(owner, journey.journeyId)),
      h(owner, "td", {}, journey.total),
      ...RUN_STATUSES.map((status) => h(owner, "td", {}, journey.byStatus.get(status) ?? 0)),
      h(owner, "td", {}, journey.other),
    ),
  );
}

/** The rows of the journal table, or a row that says there are no requests yet. */
export function journalTableRows(
  owner: Document,
  rows: readonly JournalRow[],
  options: FormatTimeOptions = {},
): HTMLTableRowElement[] {
  if (rows.length === 0) return [emptyRow(owner, JOURNAL_COLUMNS.length, "No requests yet.")];
  return rows.map((row) =>
    h(
      owner,
      "tr",
      {},
      h(owner, "td", {}, fakeTime(owner, row.time, options)),
      h(owner, "td", {}, row.method),
      h(owner, "td", {}, code(owner, row.path)),
      h(owner, "td", {}, code(owner, row.query)),
      h(owner, "td", {}, row.status),
      h(owner, "td", {}, code(owner, row.requestId)),
      h(owner, "td", {}, code(owner, row.invocationId)),
    ),
  );
}
