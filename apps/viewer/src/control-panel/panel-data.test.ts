import type { JournalEntry, JourneyRunsState } from "@journey-runs/msw/control";
import { describe, expect, it } from "vitest";
import { journalRows, MAX_JOURNEY_ROWS, summarizeState } from "./panel-data.js";

const run = (Status: string) => ({ RunId: `r-${Status}`, Status, CreationTime: "x", LastUpdateTime: "x" });

function state(applications: unknown): JourneyRunsState {
  return { format: "journey-runs-mock/state", version: 1, now: "2026-01-01T00:00:00.000Z", applications } as never;
}

describe("summarizeState", () => {
  it("counts the runs of each journey by status, unknown statuses as other", () => {
    const summary = summarizeState(
      state([
        {
          applicationId: "app",
          journeyId: "ignored",
          journeys: [
            { journeyId: "j1", runs: [run("COMPLETED"), run("COMPLETED"), run("CANCELLED"), run("PAUSED")] },
            { journeyId: "j2", runs: [] },
          ],
        },
      ]),
    );
    expect(summary.now).toBe("2026-01-01T00:00:00.000Z");
    expect(summary.moreJourneys).toBe(0);
    expect(summary.journeys.map((j) => [j.applicationId, j.journeyId, j.total, j.other])).toEqual([
      ["app", "j1", 4, 1],
      ["app", "j2", 0, 0],
    ]);
    expect(Object.fromEntries(summary.journeys[0]?.byStatus ?? [])).toEqual({
      SCHEDULED: 0,
      RUNNING: 0,
      COMPLETED: 2,
      CANCELLED: 1,
    });
  });

  it("reads odd shapes from a server as nothing instead of throwing", () => {
    const odd = [null, 7, "x", { journeys: null }, { applicationId: 5, journeys: [null, { runs: [null, 3] }] }];
    const summary = summarizeState(state(odd));
    expect(summary.journeys).toEqual([
      { applicationId: "", journeyId: "", total: 0, byStatus: expect.any(Map), other: 0 },
      { applicationId: "", journeyId: "", total: 2, byStatus: expect.any(Map), other: 2 },
    ]);
    expect(summarizeState(null as never)).toEqual({ now: "", journeys: [], moreJourneys: 0 });
    const proto = JSON.parse('{"__proto__": {"polluted": 1}, "applications": []}');
    expect(summarizeState(proto).journeys).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`lists at most ${MAX_JOURNEY_ROWS} journeys and counts the rest`, () => {
    const journeys = Array.from({ length: MAX_JOURNEY_ROWS + 7 }, (_, i) => ({ journeyId: `j${i}`, runs: [] }));
    const summary = summarizeState(state([{ applicationId: "a", journeys }]));
    expect(summary.journeys).toHaveLength(MAX_JOURNEY_ROWS);
    expect(summary.moreJourneys).toBe(7);
  });
});

describe("journalRows", () => {
  const entry = (i: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({
    time: `2026-01-01T00:00:0${i}.000Z`,
    method: "GET",
    path: `/v1/apps/a/journeys/j${i}/runs`,
    query: "page-size=2",
    headers: { "amz-sdk-invocation-id": `inv-${i}` },
    status: 200,
    requestId: `req-${i}`,
    ...extra,
  });

  it("gives the newest entries first, at most the limit, with the invocation id", () => {
    const rows = journalRows([entry(1), entry(2), entry(3, { status: "network-error", requestId: undefined })], 2);
    expect(rows).toEqual([
      {
        time: "2026-01-01T00:00:03.000Z",
        method: "GET",
        path: "/v1/apps/a/journeys/j3/runs",
        query: "page-size=2",
        status: "network-error",
        requestId: "",
        invocationId: "inv-3",
      },
      expect.objectContaining({ path: "/v1/apps/a/journeys/j2/runs", status: "200", requestId: "req-2" }),
    ]);
  });

  it("reads odd entries as empty text", () => {
    expect(journalRows([null, { headers: null, status: {} }] as never)).toEqual([
      { time: "", method: "", path: "", query: "", status: "", requestId: "", invocationId: "" },
      { time: "", method: "", path: "", query: "", status: "", requestId: "", invocationId: "" },
    ]);
    expect(journalRows("nope" as never)).toEqual([]);
  });
});
