import type { JourneyRun } from "@journey-runs/types";
import { describe, expect, it } from "vitest";
import type { ErrorSummary } from "./error-summary.js";
import { initialState, isComplete, type RunsQuery, reduce, type ViewEvent, type ViewState } from "./state.js";
import { statusMessage } from "./view/status-message.js";

const query: RunsQuery = { applicationId: "app", journeyId: "journey", pageSize: 2 };
const run = (id: string, Status: JourneyRun["Status"] = "COMPLETED"): JourneyRun => ({
  RunId: id,
  Status,
  CreationTime: "2000-01-01T00:00:00.000Z",
  LastUpdateTime: "2000-01-01T00:00:05.000Z",
});
const throttled: ErrorSummary = {
  type: "TooManyRequestsException",
  message: "Rate exceeded",
  requestId: "0f6e1c0a-5d4e-4b5e-9a55-0c9f6a1f2b3c",
  status: 429,
  retryable: true,
  throttling: true,
};
const fold = (...events: ViewEvent[]): ViewState => events.reduce(reduce, initialState);

describe("reduce", () => {
  it("keeps runs in the order the pages returned them", () => {
    const state = fold(
      { type: "query-started", query },
      { type: "page-loaded", items: [run("b"), run("a")], nextToken: "t1" },
      { type: "more-started" },
      { type: "page-loaded", items: [run("c")], nextToken: undefined },
    );
    expect(state.runs.map((r) => r.RunId)).toEqual(["b", "a", "c"]);
    expect(state.pagesLoaded).toBe(2);
    expect(state.lastPageCount).toBe(1);
    expect(isComplete(state)).toBe(true);
  });

  it("drops the runs of the previous journey when a new query starts", () => {
    const state = fold(
      { type: "query-started", query },
      { type: "page-loaded", items: [run("a")], nextToken: "t1" },
      { type: "query-started", query: { ...query, journeyId: "other" } },
    );
    expect(state.runs).toEqual([]);
    expect(state.nextToken).toBeUndefined();
    expect(state.query?.journeyId).toBe("other");
  });

  it("keeps the runs and the token when a next page fails, so trying again continues from there", () => {
    const state = fold(
      { type: "query-started", query },
      { type: "page-loaded", items: [run("a")], nextToken: "t1" },
      { type: "more-started" },
      { type: "failed", error: throttled },
    );
    expect(state.runs.map((r) => r.RunId)).toEqual(["a"]);
    expect(state.nextToken).toBe("t1");
    expect(state.phase).toEqual({ kind: "failed", more: true, error: throttled, autoRetry: undefined });
  });

  it("ignores a retry notice that arrives after loading ended", () => {
    const loaded = fold({ type: "query-started", query }, { type: "page-loaded", items: [], nextToken: undefined });
    expect(
      reduce(loaded, { type: "retrying", notice: { nextAttempt: 2, maxAttempts: 3, delayMs: 10, error: throttled } }),
    ).toBe(loaded);
  });
});

describe("statusMessage", () => {
  const now = 1_000_000;

  it.each<[string, ViewEvent[], string]>([
    ["before anything", [], "Enter an application ID and a journey ID, then choose Show runs."],
    ["while the first page loads", [{ type: "query-started", query }], "Loading runs…"],
    [
      "while the client waits to retry after throttling",
      [
        { type: "query-started", query },
        { type: "retrying", notice: { nextAttempt: 2, maxAttempts: 3, delayMs: 420, error: throttled } },
      ],
      "The service is throttling requests (TooManyRequestsException): retrying runs in 0.4 s, attempt 2 of 3…",
    ],
    [
      "when more pages remain",
      [
        { type: "query-started", query },
        { type: "page-loaded", items: [run("a"), run("b")], nextToken: "t" },
      ],
      "Showing 2 runs. More runs are available.",
    ],
    [
      "at the end",
      [
        { type: "query-started", query },
        { type: "page-loaded", items: [run("a")], nextToken: undefined },
      ],
      "The only run is shown: the end of this journey's runs.",
    ],
    [
      "for a journey without runs",
      [
        { type: "query-started", query },
        { type: "page-loaded", items: [], nextToken: undefined },
      ],
      "This journey has no runs.",
    ],
    [
      "when the page will retry by itself",
      [
        { type: "query-started", query },
        { type: "failed", error: throttled, autoRetry: { at: now + 1500, round: 1, rounds: 3 } },
      ],
      "Could not load runs: TooManyRequestsException. Retrying by itself in 2 s (round 1 of 3).",
    ],
  ])("says what happens %s", (_when, events, want) => {
    expect(statusMessage(fold(...events), now)).toBe(want);
  });
});
