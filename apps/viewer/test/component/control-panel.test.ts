// @vitest-environment happy-dom
import { createJourneyRunsMock } from "@journey-runs/msw";
import type { JournalEntry, JourneyRunsState } from "@journey-runs/msw/control";
import { beforeEach, describe, expect, it } from "vitest";
import { boundedFetch } from "../../src/control-panel/bounded-fetch.js";
import { type ControlReader, createControlPanel } from "../../src/control-panel/control-panel.js";
import { startControlPanel } from "../../src/control-panel/start-control-panel.js";

const timeFormat = { locale: "en-GB", timeZone: "UTC" };
let slot: HTMLElement;
beforeEach(() => {
  slot = document.createElement("div");
  document.body.replaceChildren(slot);
});

const cells = (selector: string) =>
  [...slot.querySelectorAll(`${selector} tr`)].map((row) => [...row.children].map((cell) => cell.textContent));
const text = (selector: string) => slot.querySelector(selector)?.textContent;

/** A control that answers from plain values the test changes, and counts the reads. */
function fakeControl(initial: { state: unknown; journal: JournalEntry[] }) {
  const data = { ...initial, reads: 0, fail: undefined as Error | undefined };
  const control: ControlReader = {
    health: async () => ({ status: "ok", clock: "manual", now: "2026-03-01T10:00:00.000Z" }),
    dump: async () => {
      data.reads += 1;
      if (data.fail) throw data.fail;
      return data.state as JourneyRunsState;
    },
    journal: async ({ limit } = {}) => data.journal.slice(-(limit ?? 1000)),
  };
  return { control, data };
}

const state = (runs: string[]) => ({
  format: "journey-runs-mock/state",
  version: 1,
  now: "2026-03-01T10:00:00.000Z",
  applications: [
    { applicationId: "app-1", journeys: [{ journeyId: "journey-1", runs: runs.map((Status) => ({ Status })) }] },
  ],
});
const entry: JournalEntry = {
  time: "2026-03-01T09:59:00.000Z",
  method: "GET",
  path: "/v1/apps/app-1/journeys/journey-1/runs",
  query: "page-size=25",
  headers: { "amz-sdk-invocation-id": "inv-1" },
  status: 200,
  requestId: "req-1",
};

describe("the panel of the fake's state", () => {
  it("shows the clock, the journeys with their runs by status and the journal, and reads again on Refresh", async () => {
    const { control, data } = fakeControl({ state: state(["COMPLETED", "COMPLETED", "RUNNING"]), journal: [entry] });
    const panel = createControlPanel(document, { control, sourceLabel: "a test fake", timeFormat });
    slot.append(panel.element);
    await panel.refresh();
    expect(text('[data-control="clock"]')).toBe("1 Mar 2026, 10:00:00");
    expect(slot.querySelector('[data-control="clock"] time')?.getAttribute("datetime")).toBe(
      "2026-03-01T10:00:00.000Z",
    );
    expect(text('[data-control="mode"]')).toMatch(/^Manual clock/);
    expect(cells('[data-control="journeys"]')).toEqual([["app-1", "journey-1", "3", "0", "1", "2", "0", "0"]]);
    expect(cells('[data-control="journal"]')).toEqual([
      [
        "1 Mar 2026, 09:59:00",
        "GET",
        "/v1/apps/app-1/journeys/journey-1/runs",
        "page-size=25",
        "200",
        "req-1",
        "inv-1",
      ],
    ]);
    // Every table has column headers, and is a labelled region a keyboard can scroll.
    for (const region of slot.querySelectorAll(".control-table")) {
      const label = document.getElementById(region.getAttribute("aria-labelledby") ?? "");
      expect(label?.textContent).toMatch(/Journeys|requests/);
      expect(region.querySelectorAll("thead th[scope=col]").length).toBeGreaterThan(3);
    }

    data.state = state(["CANCELLED"]);
    data.journal = [];
    const button = [...slot.querySelectorAll("button")].find((b) => b.textContent === "Refresh");
    button?.click();
    await expect
      .poll(() => cells('[data-control="journeys"]'))
      .toEqual([["app-1", "journey-1", "1", "0", "0", "0", "1", "0"]]);
    expect(cells('[data-control="journal"]')).toEqual([["No requests yet."]]);
    expect(data.reads).toBe(2);
  });

  it("says when the state cannot be read, keeps what it showed, and sets API text as text", async () => {
    const hostile = state(["COMPLETED"]);
    hostile.applications[0] = { applicationId: "<img src=x onerror=alert(1)>", journeys: [] };
    const { control, data } = fakeControl({ state: hostile, journal: [] });
    const panel = createControlPanel(document, { control, sourceLabel: "a test fake", timeFormat });
    slot.append(panel.element);
    await panel.refresh();
    expect(slot.querySelector("img")).toBeNull();
    expect(cells('[data-control="journeys"]')).toEqual([["The fake has no journeys."]]);
    data.fail = new Error("The control plane answered 500.");
    await panel.refresh();
    expect(text("[role=status]")).toBe(
      "The fake's state could not be read: The control plane answered 500. Press Refresh to try again.",
    );
  });

  it("reads the in-page fake through its control", async () => {
    const mock = createJourneyRunsMock({ seed: 3 });
    await mock.control.setScene({ example: false, journeys: [{ applicationId: "a1", journeyId: "j1", runs: 4 }] });
    const panel = await startControlPanel(slot, { kind: "local", control: mock.control, label: "the in-page fake" });
    expect(panel).toBeDefined();
    const dump = await mock.control.dump();
    const runs = dump.applications.find((a) => a.applicationId === "a1")?.journeys[0]?.runs ?? [];
    const count = (status: string) => String(runs.filter((run) => run.Status === status).length);
    expect(runs).toHaveLength(4);
    expect(cells('[data-control="journeys"]')).toEqual([
      ["a1", "j1", "4", ...["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"].map(count), "0"],
    ]);
    expect(text(".control-panel .hint")).toBe("What the in-page fake holds now, as a test set it up.");
  });
});

describe("startControlPanel on an endpoint", () => {
  const answer = (status: number, body?: unknown) => async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });

  it.each([
    [
      "a 404 (no control plane)",
      answer(404, { message: "No operation" }),
      /no control plane answered at http:\/\/127\.0\.0\.1:9\/_journey-runs-mock\/health/,
    ],
    ["a network or CORS failure", async () => Promise.reject(new TypeError("Failed to fetch")), /by CORS\)\.$/],
    ["a 401 (a token is needed)", answer(401, { code: "UNAUTHORIZED", message: "Send the token" }), /needs a token/],
  ])("leaves a one-line note on %s", async (_, fetch, note) => {
    const panel = await startControlPanel(slot, { kind: "endpoint", endpoint: "http://127.0.0.1:9", fetch });
    expect(panel).toBeUndefined();
    expect(slot.children).toHaveLength(1);
    expect(text('[data-control="absent"]')).toMatch(note);
  });

  it("asks the endpoint's control plane for health, state and a bounded journal", async () => {
    const asked: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      asked.push(`${request.method} ${url.pathname}${url.search}`);
      if (url.pathname.endsWith("/health"))
        return answer(200, { status: "ok", clock: "system", now: "2026-03-01T10:00:00.000Z" })();
      if (url.pathname.endsWith("/state")) return answer(200, state(["SCHEDULED"]))();
      return answer(200, { entries: [entry] })();
    };
    const panel = await startControlPanel(
      slot,
      { kind: "endpoint", endpoint: "http://127.0.0.1:9", fetch },
      timeFormat,
    );
    expect(panel).toBeDefined();
    expect(asked.sort()).toEqual([
      "GET /_journey-runs-mock/health",
      "GET /_journey-runs-mock/health",
      "GET /_journey-runs-mock/journal?limit=20",
      "GET /_journey-runs-mock/state",
    ]);
    expect(text('[data-control="mode"]')).toBe("System clock");
    expect(cells('[data-control="journeys"]')).toEqual([["app-1", "journey-1", "1", "1", "0", "0", "0", "0"]]);
    expect(cells('[data-control="journal"]')[0]?.at(-1)).toBe("inv-1");
  });
});

describe("boundedFetch", () => {
  it("refuses an answer larger than its bound, by Content-Length or while reading", async () => {
    const big = async () => new Response("x".repeat(2000), { headers: { "content-length": "2000" } });
    await expect(boundedFetch(big, { maxBytes: 1000 })("http://127.0.0.1:9/")).rejects.toMatchObject({
      code: "ANSWER_TOO_LARGE",
    });
    const unsized = async () => new Response(new Blob(["x".repeat(2000)]).stream());
    await expect(boundedFetch(unsized, { maxBytes: 1000 })("http://127.0.0.1:9/")).rejects.toMatchObject({
      code: "ANSWER_TOO_LARGE",
    });
    const small = async () => new Response("fine");
    await expect((await boundedFetch(small, { maxBytes: 1000 })("http://127.0.0.1:9/")).text()).resolves.toBe("fine");
  });

  it("gives up on a control plane that does not answer in time", async () => {
    // Like fetch: rejects with the signal's reason when it is (or becomes) aborted, else never answers.
    const hang = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        if (init?.signal?.aborted) reject(init.signal.reason);
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    await expect(boundedFetch(hang, { timeoutMs: 20 })("http://127.0.0.1:9/")).rejects.toThrow(
      "The control plane did not answer within 20 ms.",
    );
    const stopped = new AbortController();
    stopped.abort(new Error("stopped by the caller"));
    await expect(
      boundedFetch(hang, { timeoutMs: 60_000 })("http://127.0.0.1:9/", { signal: stopped.signal }),
    ).rejects.toThrow("stopped by the caller");
  });
});
