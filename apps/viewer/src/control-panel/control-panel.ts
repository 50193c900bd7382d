import type { JourneyRunsControl } from "@journey-runs/msw/control";
import { type FormatTimeOptions, formatRunTime } from "../format-time.js";
import { h } from "../view/dom.js";
import { JOURNAL_LIMIT, journalRows, MAX_JOURNEY_ROWS, summarizeState } from "./panel-data.js";
import {
  controlTable,
  fakeTime,
  JOURNAL_COLUMNS,
  JOURNEY_COLUMNS,
  journalTableRows,
  journeyRows,
} from "./panel-tables.js";

/** The control operations the panel reads: it never changes the fake. */
export type ControlReader = Pick<JourneyRunsControl, "health" | "dump" | "journal">;

/** Options of {@link createControlPanel}. */
export interface ControlPanelOptions {
  readonly control: ControlReader;
  /** Where the fake lives, as the panel's hint names it ("journey-runs-mock at http://127.0.0.1:4010"). */
  readonly sourceLabel: string;
  readonly timeFormat?: FormatTimeOptions | undefined;
}

/** A built panel: its element (not yet in the page) and what reloads it. */
export interface ControlPanel {
  readonly element: HTMLElement;
  /** Reads health, state and journal again and shows them; never rejects (a failure is shown in the panel). */
  readonly refresh: () => Promise<void>;
}

/**
 * The panel that shows what a test set up in the fake: its clock, its journeys with their runs counted by status,
 * and its last {@link JOURNAL_LIMIT} GetJourneyRuns requests, with a Refresh button. Everything from the fake is set
 * as text.
 */
export function createControlPanel(owner: Document, options: ControlPanelOptions): ControlPanel {
  const status = h(owner, "p", { class: "status", role: "status", "aria-live": "polite" });
  const clock = h(owner, "dd", { "data-control": "clock" });
  const mode = h(owner, "dd", { "data-control": "mode" });
  const journeys = h(owner, "tbody", { "data-control": "journeys" });
  const moreJourneys = h(owner, "p", { class: "hint", hidden: true });
  const journal = h(owner, "tbody", { "data-control": "journal" });
  const refreshButton = h(owner, "button", { type: "button", class: "secondary" }, "Refresh");
  const element = h(
    owner,
    "section",
    { class: "panel control-panel", "aria-labelledby": "control-title" },
    h(owner, "h2", { id: "control-title" }, "The fake's state"),
    h(owner, "p", { class: "hint" }, `What ${options.sourceLabel} holds now, as a test set it up.`),
    status,
    h(owner, "dl", { class: "control-facts" }, h(owner, "dt", {}, "Clock"), clock, h(owner, "dt", {}, "Mode"), mode),
    h(owner, "h3", { id: "control-journeys-title" }, "Journeys"),
    controlTable(
      owner,
      "control-journeys-title",
      "Journeys of the fake and their runs by status",
      JOURNEY_COLUMNS,
      journeys,
    ),
    moreJourneys,
    h(owner, "h3", { id: "control-journal-title" }, `Last ${JOURNAL_LIMIT} requests`),
    controlTable(
      owner,
      "control-journal-title",
      "GetJourneyRuns requests the fake answered, newest first",
      JOURNAL_COLUMNS,
      journal,
    ),
    h(owner, "div", { class: "more" }, refreshButton),
  );

  let generation = 0;
  async function refresh(): Promise<void> {
    const mine = ++generation;
    refreshButton.setAttribute("aria-disabled", "true");
    status.textContent = "Reading the fake's state…";
    try {
      const [health, state, entries] = await Promise.all([
        options.control.health(),
        options.control.dump(),
        options.control.journal({ limit: JOURNAL_LIMIT }),
      ]);
      if (mine !== generation) return;
      const summary = summarizeState(state);
      clock.replaceChildren(fakeTime(owner, summary.now, options.timeFormat));
      mode.textContent = health.clock === "manual" ? "Manual clock (set and advanced by tests)" : "System clock";
      journeys.replaceChildren(...journeyRows(owner, summary.journeys));
      moreJourneys.hidden = summary.moreJourneys === 0;
      moreJourneys.textContent = `And ${summary.moreJourneys} more journeys (the panel lists the first ${MAX_JOURNEY_ROWS}).`;
      journal.replaceChildren(...journalTableRows(owner, journalRows(entries), options.timeFormat));
      const read = formatRunTime(new Date().toISOString(), options.timeFormat).label;
      status.textContent = `Read at ${read}, by this computer's clock.`;
    } catch (error) {
      if (mine !== generation) return;
      const reason = error instanceof Error ? error.message : String(error);
      status.textContent = `The fake's state could not be read: ${reason.slice(0, 300)} Press Refresh to try again.`;
    } finally {
      if (mine === generation) refreshButton.setAttribute("aria-disabled", "false");
    }
  }

  refreshButton.addEventListener("click", () => {
    if (refreshButton.getAttribute("aria-disabled") !== "true") void refresh();
  });
  return { element, refresh };
}
