import type { JourneyRun } from "@journey-runs/types";
import { statusBars } from "./chart-data.js";
import { describeError, type ErrorSummary, isAbort } from "./error-summary.js";
import type { FormatTimeOptions } from "./format-time.js";
import { checkId, parsePageSize, type ViewerSettings } from "./settings.js";
import { initialState, isComplete, type RunsQuery, reduce, type ViewEvent, type ViewState } from "./state.js";
import { renderErrorPanel } from "./view/error-panel.js";
import { buildLayout, type Layout, type LayoutText } from "./view/layout.js";
import { runRow } from "./view/runs-table.js";
import { renderStatusChart } from "./view/status-chart.js";
import { statusMessage } from "./view/status-message.js";

/** One page of runs, as the page needs it from the client. */
export interface RunsPage {
  readonly items: readonly JourneyRun[];
  readonly nextToken: string | undefined;
}

/** Fetches one page; the viewer passes the token of the previous page and aborts requests it no longer needs. */
export type FetchRunsPage = (query: RunsQuery, token: string | undefined, signal: AbortSignal) => Promise<RunsPage>;

/** How the page tries again by itself after a retryable failure that outlasted the client's own retries. */
export interface AutoRetryPolicy {
  /** Waits before each round, in milliseconds; their count is the number of rounds. */
  readonly delaysMs: readonly number[];
}

/** What {@link mountViewer} needs. */
export interface ViewerOptions extends LayoutText {
  readonly settings: ViewerSettings;
  readonly fetchPage: FetchRunsPage;
  readonly autoRetry?: AutoRetryPolicy | undefined;
  readonly timeFormat?: FormatTimeOptions | undefined;
  readonly now?: (() => number) | undefined;
  /** Load the prefilled query at once (the page does; tests may not). */
  readonly loadOnStart?: boolean | undefined;
}

/** A mounted viewer: its state, and what the client's retry hook and tests call. */
export interface Viewer {
  readonly state: () => ViewState;
  /** Tells the page that the client waits before attempt `attempt + 1` (wire to the client's `onRetry`). */
  readonly clientRetrying: (event: { attempt: number; maxAttempts: number; delayMs: number; error: unknown }) => void;
  readonly destroy: () => void;
}

/** Waits of the page's own retry rounds: 1, 2 and 4 seconds after the client gave up. */
export const DEFAULT_AUTO_RETRY: AutoRetryPolicy = { delaysMs: [1000, 2000, 4000] };

/**
 * Builds the page in `root` and runs it: the form, the status line, the error panel with its retry button, the
 * status chart, the runs table and "Load more".
 *
 * @example
 * const viewer = mountViewer(document.getElementById("app")!, { settings, fetchPage, sourceLabel: "fake", endpointValue: "" });
 */
export function mountViewer(root: HTMLElement, options: ViewerOptions): Viewer {
  const layout = buildLayout(root, options);
  const now = options.now ?? Date.now;
  const policy = options.autoRetry ?? DEFAULT_AUTO_RETRY;
  let state = initialState;
  let shownRows = 0;
  let inFlight: AbortController | undefined;
  let autoRetryRound = 0;
  let autoRetryTimer: ReturnType<typeof setTimeout> | undefined;
  let focusNewRows = false;

  layout.applicationId.value = options.settings.applicationId;
  layout.journeyId.value = options.settings.journeyId;
  layout.pageSize.value = String(options.settings.pageSize);

  function dispatch(event: ViewEvent): void {
    state = reduce(state, event);
    render();
  }

  function stopTimers(): void {
    if (autoRetryTimer !== undefined) clearTimeout(autoRetryTimer);
    autoRetryTimer = undefined;
  }

  async function request(more: boolean): Promise<void> {
    const query = state.query;
    if (query === undefined) return;
    stopTimers();
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const token = more ? state.nextToken : undefined;
    dispatch(more ? { type: "more-started" } : { type: "query-started", query });
    try {
      const page = await options.fetchPage(query, token, controller.signal);
      if (controller.signal.aborted) return;
      autoRetryRound = 0;
      focusNewRows = more;
      dispatch({ type: "page-loaded", items: page.items, nextToken: page.nextToken });
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      fail(describeError(error), more);
    } finally {
      if (inFlight === controller) inFlight = undefined;
    }
  }

  function fail(error: ErrorSummary, more: boolean): void {
    const delay = error.retryable ? policy.delaysMs[autoRetryRound] : undefined;
    if (delay === undefined) {
      autoRetryRound = 0;
      dispatch({ type: "failed", error });
      return;
    }
    autoRetryRound += 1;
    const autoRetry = { at: now() + delay, round: autoRetryRound, rounds: policy.delaysMs.length };
    dispatch({ type: "failed", error, autoRetry });
    // Announced once: a status line that counted down every second would be read out every second.
    autoRetryTimer = setTimeout(() => void request(more), delay);
  }

  function readQuery(): RunsQuery | undefined {
    const problems: [HTMLInputElement, string | undefined][] = [
      [layout.applicationId, checkId("application ID", layout.applicationId.value)],
      [layout.journeyId, checkId("journey ID", layout.journeyId.value)],
      [
        layout.pageSize,
        parsePageSize(layout.pageSize.value) === undefined ? "Enter a whole number of runs from 1 to 100." : undefined,
      ],
    ];
    for (const [input, problem] of problems) {
      const message = input.parentElement?.querySelector(".field-error") as HTMLElement;
      message.textContent = problem ?? "";
      message.hidden = problem === undefined;
      if (problem === undefined) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
    }
    const firstInvalid = problems.find(([, problem]) => problem !== undefined);
    if (firstInvalid !== undefined) {
      firstInvalid[0].focus();
      return undefined;
    }
    return {
      applicationId: layout.applicationId.value,
      journeyId: layout.journeyId.value,
      pageSize: parsePageSize(layout.pageSize.value) ?? options.settings.pageSize,
    };
  }

  function render(): void {
    const { phase } = state;
    root.dataset.phase = phase.kind;
    layout.tableBody.closest(".table-wrap")?.setAttribute("aria-busy", String(phase.kind === "loading"));
    layout.status.textContent = statusMessage(state, now());
    layout.errorPanel.hidden = phase.kind !== "failed";
    if (phase.kind === "failed") {
      const heading = phase.more ? "The next page of runs could not be loaded" : "The runs could not be loaded";
      renderErrorPanel(layout.errorPanel, phase.error, heading);
    }
    renderStatusChart(layout.chart, statusBars(state.runs));
    renderRows(layout);
    const loadingMore = phase.kind === "loading" && phase.more;
    layout.loadMore.hidden = !(loadingMore || (phase.kind === "ready" && state.nextToken !== undefined));
    layout.loadMore.setAttribute("aria-disabled", String(loadingMore));
    layout.loadMore.textContent = loadingMore ? "Loading more runs…" : "Load more runs";
    const complete = isComplete(state);
    layout.endNote.hidden = !complete;
    layout.endNote.textContent =
      state.runs.length === 0 ? "This journey has no runs." : `End of the runs: all ${state.runs.length} are shown.`;
  }

  function renderRows({ tableBody, tableCaption }: Layout): void {
    if (state.runs.length < shownRows) {
      tableBody.replaceChildren();
      shownRows = 0;
    }
    const owner = tableBody.ownerDocument;
    const fresh = state.runs.slice(shownRows).map((run) => runRow(owner, run, options.timeFormat));
    tableBody.append(...fresh);
    shownRows = state.runs.length;
    const journey = state.query?.journeyId ?? "";
    tableCaption.textContent = `Runs of journey ${journey}, in the order the API returned them`;
    if (focusNewRows) {
      focusNewRows = false;
      fresh[0]?.focus();
    }
  }

  function submit(): void {
    const query = readQuery();
    if (query === undefined) return;
    autoRetryRound = 0;
    state = { ...state, query };
    void request(false);
  }

  layout.form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  layout.loadMore.addEventListener("click", () => {
    if (state.phase.kind === "ready" && state.nextToken !== undefined) void request(true);
  });
  layout.retryButton.addEventListener("click", () => {
    if (state.phase.kind !== "failed") return;
    autoRetryRound = 0;
    void request(state.phase.more);
  });

  render();
  if (options.loadOnStart !== false) submit();

  return {
    state: () => state,
    clientRetrying: (event) => {
      if (state.phase.kind !== "loading") return;
      dispatch({
        type: "retrying",
        notice: {
          nextAttempt: event.attempt + 1,
          maxAttempts: event.maxAttempts,
          delayMs: event.delayMs,
          error: describeError(event.error),
        },
      });
    },
    destroy: () => {
      stopTimers();
      inFlight?.abort();
      root.replaceChildren();
    },
  };
}
