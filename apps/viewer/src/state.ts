import type { JourneyRun } from "@journey-runs/types";
import type { ErrorSummary } from "./error-summary.js";

/** What the form asks the API for. */
export interface RunsQuery {
  readonly applicationId: string;
  readonly journeyId: string;
  readonly pageSize: number;
}

/** The client is waiting before it tries a failed request again (its own retries, as the AWS SDKs do). */
export interface RetryNotice {
  /** The attempt that will be made next, 2 for the first retry. */
  readonly nextAttempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly error: ErrorSummary;
}

/** The page will try a failed request again by itself at `at` (epoch ms): round `round` of `rounds`. */
export interface AutoRetry {
  readonly at: number;
  readonly round: number;
  readonly rounds: number;
}

/** Where loading stands. `more` tells a next page apart from the first. */
export type LoadPhase =
  | { readonly kind: "idle" }
  | { readonly kind: "loading"; readonly more: boolean; readonly retry?: RetryNotice | undefined }
  | { readonly kind: "ready" }
  | {
      readonly kind: "failed";
      readonly more: boolean;
      readonly error: ErrorSummary;
      readonly autoRetry?: AutoRetry | undefined;
    };

/** Everything the page shows, derived from the requests made so far. */
export interface ViewState {
  readonly query: RunsQuery | undefined;
  /** Runs in the order the API returned them, page after page. */
  readonly runs: readonly JourneyRun[];
  /** Token of the next page; `undefined` after the last page (or before the first). */
  readonly nextToken: string | undefined;
  readonly pagesLoaded: number;
  /** How many runs the last page added (the page moves focus to the first of them). */
  readonly lastPageCount: number;
  readonly phase: LoadPhase;
}

/** What happened: the reducer's input. */
export type ViewEvent =
  | { readonly type: "query-started"; readonly query: RunsQuery }
  | { readonly type: "more-started" }
  | { readonly type: "retrying"; readonly notice: RetryNotice }
  | { readonly type: "page-loaded"; readonly items: readonly JourneyRun[]; readonly nextToken: string | undefined }
  | { readonly type: "failed"; readonly error: ErrorSummary; readonly autoRetry?: AutoRetry | undefined };

/** The state before the first request. */
export const initialState: ViewState = {
  query: undefined,
  runs: [],
  nextToken: undefined,
  pagesLoaded: 0,
  lastPageCount: 0,
  phase: { kind: "idle" },
};

/**
 * Folds one event into the state. A new query drops the runs of the previous one; a failed next page keeps the
 * runs already shown, so "Try again" continues from the same token.
 *
 * @example
 * const loading = reduce(initialState, { type: "query-started", query });
 * const shown = reduce(loading, { type: "page-loaded", items, nextToken: undefined });
 */
export function reduce(state: ViewState, event: ViewEvent): ViewState {
  switch (event.type) {
    case "query-started":
      return { ...initialState, query: event.query, phase: { kind: "loading", more: false } };
    case "more-started":
      return { ...state, phase: { kind: "loading", more: true } };
    case "retrying":
      if (state.phase.kind !== "loading") return state;
      return { ...state, phase: { ...state.phase, retry: event.notice } };
    case "page-loaded":
      return {
        ...state,
        runs: [...state.runs, ...event.items],
        nextToken: event.nextToken,
        pagesLoaded: state.pagesLoaded + 1,
        lastPageCount: event.items.length,
        phase: { kind: "ready" },
      };
    case "failed":
      return {
        ...state,
        phase: {
          kind: "failed",
          more: state.phase.kind === "loading" ? state.phase.more : state.pagesLoaded > 0,
          error: event.error,
          autoRetry: event.autoRetry,
        },
      };
  }
}

/** True once the last page is in: the API sent no `NextToken`. */
export function isComplete(state: ViewState): boolean {
  return state.phase.kind === "ready" && state.nextToken === undefined;
}
