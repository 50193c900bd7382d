// @vitest-environment happy-dom
import { createJourneyRunsClient, type RetryEvent } from "@journey-runs/client";
import { createJourneyRunsMock, EXAMPLE_IDS } from "@journey-runs/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientOptions, fetchPageWith } from "../../src/client-source.js";
import { resolveSettings, type ViewerSettings } from "../../src/settings.js";
import { mountViewer, type Viewer, type ViewerOptions } from "../../src/viewer.js";

const mock = createJourneyRunsMock({ seed: 7 });
const server = setupServer(...mock.handlers);
const requests: URL[] = [];
server.events.on("request:start", ({ request }) => void requests.push(new URL(request.url)));

const defaults = resolveSettings("", {});
if (!defaults.ok) throw new Error(defaults.problem);

let root: HTMLElement;
let viewer: Viewer | undefined;
let statusLog: string[];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  mock.reset();
  requests.length = 0;
  root = document.createElement("div");
  document.body.replaceChildren(root);
});
afterEach(() => viewer?.destroy());

/**
 * happy-dom's `Headers` iterate names in the case they were set ("X-Amzn-ErrorType"), where the Fetch standard and
 * every browser give them in lower case; the client reads error headers by iterating, so responses are normalised
 * here to what a browser gives (Chromium itself is covered by the browser tests).
 */
const standardFetch = async (url: string, init: RequestInit): Promise<Response> => {
  const response = await fetch(url, init);
  const headers = new Headers(
    [...response.headers].map(([name, value]): [string, string] => [name.toLowerCase(), value]),
  );
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

/** Mounts the page on the fake, as main.ts does, with times pinned to UTC and a fast retry policy. */
function mount(overrides: Partial<ViewerSettings> = {}, options: Partial<ViewerOptions> = {}): Viewer {
  const settings = { ...(defaults.ok && defaults.settings), ...overrides } as ViewerSettings;
  const onRetry = (event: RetryEvent) => viewer?.clientRetrying(event);
  const client = createJourneyRunsClient({
    ...clientOptions(settings, onRetry),
    retry: { random: () => 0.01 },
    fetch: standardFetch,
  });
  viewer = mountViewer(root, {
    settings,
    fetchPage: fetchPageWith(client),
    sourceLabel: "fake",
    endpointValue: "",
    timeFormat: { locale: "en-GB", timeZone: "UTC" },
    autoRetry: { delaysMs: [20, 20] },
    ...options,
  });
  statusLog = [];
  const status = root.querySelector("#status") as HTMLElement;
  new MutationObserver(() => statusLog.push(status.textContent ?? "")).observe(status, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return viewer;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}; the page says: ${root.querySelector("#status")?.textContent}`);
}

const phase = () => root.dataset.phase;
const rows = () => [...root.querySelectorAll("tbody tr")];
const text = (selector: string) => root.querySelector(selector)?.textContent;

function submit(fields: { applicationId?: string; journeyId?: string; pageSize?: string }): void {
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) (root.querySelector(`input[name="${name}"]`) as HTMLInputElement).value = value;
  };
  set("applicationId", fields.applicationId);
  set("journeyId", fields.journeyId);
  set("pageSize", fields.pageSize);
  (root.querySelector("form.query button[type=submit]") as HTMLButtonElement).click();
}

describe("the viewer on @journey-runs/msw through msw/node", () => {
  it("renders the example runs with badges, local times and ISO titles, and the chart", async () => {
    mount();
    await until(() => phase() === "ready", "the example runs");
    expect(rows().map((row) => row.getAttribute("data-run-id"))).toEqual(
      mock.store.example?.runs().map((run) => run.RunId),
    );
    const first = rows()[0] as HTMLElement;
    expect(first.querySelector(".badge")?.className).toBe("badge badge-completed");
    expect(first.querySelector(".badge")?.textContent).toBe("Completed");
    expect([...first.querySelectorAll("time")].map((time) => [time.textContent, time.getAttribute("title")])).toEqual([
      ["1 Jan 2000, 00:00:00", "2000-01-01T00:00:00.000Z"],
      ["1 Jan 2000, 00:00:05", "2000-01-01T00:00:05.000Z"],
    ]);
    expect([...root.querySelectorAll(".chart-value")].map((value) => value.textContent)).toEqual([
      "1 (50%)",
      "0 (0%)",
      "1 (50%)",
      "0 (0%)",
    ]);
    expect(requests.map((url) => url.pathname)).toEqual([
      `/v1/apps/${EXAMPLE_IDS.applicationId}/journeys/${EXAMPLE_IDS.journeyId}/runs`,
    ]);
    expect(requests[0]?.searchParams.get("page-size")).toBe("25");
  });

  it("says so when a journey has no runs", async () => {
    mock.store.addJourney("app", "empty");
    mount({ applicationId: "app", journeyId: "empty" });
    await until(() => phase() === "ready", "an empty page");
    expect(rows()).toEqual([]);
    expect(text("#status")).toBe("This journey has no runs.");
    expect(text(".end-note")).toBe("This journey has no runs.");
    expect((root.querySelector(".end-note") as HTMLElement).hidden).toBe(false);
  });

  it("follows NextToken with Load more and moves focus to the first new run", async () => {
    const journey = mock.store.addJourney("app", "five");
    journey.addRuns(5);
    mount({ applicationId: "app", journeyId: "five", pageSize: 2 });
    await until(() => rows().length === 2, "the first page");
    const loadMore = [...root.querySelectorAll("button")].find((b) => b.textContent === "Load more runs");
    expect(loadMore?.hidden).toBe(false);
    loadMore?.click();
    await until(() => rows().length === 4, "the second page");
    expect(document.activeElement).toBe(rows()[2]);
    loadMore?.click();
    await until(() => rows().length === 5, "the last page");
    expect(document.activeElement).toBe(rows()[4]);
    expect(loadMore?.hidden).toBe(true);
    expect(rows().map((row) => row.getAttribute("data-run-id"))).toEqual(journey.runs().map((run) => run.RunId));
    expect(requests.map((url) => url.searchParams.has("token"))).toEqual([false, true, true]);
  });

  it("shows NotFoundException with its request id and status for a journey that does not exist", async () => {
    mount({ journeyId: "no-such-journey" });
    await until(() => phase() === "failed", "the error");
    expect(text('[data-field="type"]')).toBe("NotFoundException");
    expect(text('[data-field="status"]')).toBe("404");
    expect(text('[data-field="request-id"]')).toMatch(/^[0-9a-f-]{36}$/);
    expect(text(".error-title")).toBe("The runs could not be loaded");
    expect(text("#status")).toBe("Could not load runs: NotFoundException.");
    expect(requests).toHaveLength(1);
  });

  it("says it is retrying while the client retries after throttling, then shows the runs", async () => {
    mock.throttle(2);
    mount();
    await until(() => phase() === "ready", "the runs after throttling");
    expect(statusLog.filter((line) => line.startsWith("The service is throttling requests"))).toEqual([
      expect.stringMatching(
        /^The service is throttling requests \(TooManyRequestsException\): retrying runs in 0\.\d s, attempt 2 of 3…$/,
      ),
      expect.stringMatching(/attempt 3 of 3…$/),
    ]);
    expect(rows()).toHaveLength(2);
    expect(requests).toHaveLength(3);
  });

  it("tries again by itself when throttling outlasts the client's attempts", async () => {
    mock.throttle(4);
    mount();
    await until(() => phase() === "ready", "the runs after the page's own retry");
    expect(statusLog).toContainEqual(
      expect.stringMatching(
        /^Could not load runs: TooManyRequestsException\. Retrying by itself in \d s \(round 1 of 2\)\.$/,
      ),
    );
    expect(requests).toHaveLength(5);
    expect((root.querySelector(".error-panel") as HTMLElement).hidden).toBe(true);
  });

  it("keeps the loaded runs when a next page fails, and Try again continues from the same token", async () => {
    mock.store.addJourney("app", "three").addRuns(3);
    mount({ applicationId: "app", journeyId: "three", pageSize: 2 });
    await until(() => rows().length === 2, "the first page");
    // Every attempt of the next 3 calls (failNext's scope is "call"): the first call and the page's 2 rounds.
    mock.failNext(500, { times: 3 });
    ([...root.querySelectorAll("button")].find((b) => b.textContent === "Load more runs") as HTMLButtonElement).click();
    await until(
      () => phase() === "failed" && text("#status")?.endsWith("InternalServerErrorException.") === true,
      "the final error",
    );
    expect(text(".error-title")).toBe("The next page of runs could not be loaded");
    expect(rows()).toHaveLength(2);
    const token = requests[1]?.searchParams.get("token");
    (root.querySelector(".error-panel button") as HTMLButtonElement).click();
    await until(() => rows().length === 3, "the last page");
    expect(requests.at(-1)?.searchParams.get("token")).toBe(token);
  });

  it("explains invalid fields, focuses the first, and sends nothing", async () => {
    mount({}, { loadOnStart: false });
    submit({ applicationId: "x".repeat(257), journeyId: "", pageSize: "0" });
    expect(text("#application-id-error")).toBe("The application ID has 257 characters; the API accepts at most 256.");
    expect(text("#journey-id-error")).toBe("Enter the journey ID.");
    expect(text("#page-size-error")).toBe("Enter a whole number of runs from 1 to 100.");
    expect(document.activeElement?.id).toBe("application-id");
    expect(root.querySelector("#journey-id")?.getAttribute("aria-invalid")).toBe("true");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toEqual([]);
  });

  it("shows only the latest query when an older answer arrives late", async () => {
    mock.store.addJourney("app", "other").addRun({ runId: "other-run" });
    mock.setLatency(30);
    mount();
    submit({ applicationId: "app", journeyId: "other" });
    await until(() => phase() === "ready", "the second query");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(rows().map((row) => row.getAttribute("data-run-id"))).toEqual(["other-run"]);
  });

  it("labels every input", () => {
    mount({}, { loadOnStart: false });
    for (const input of root.querySelectorAll("input")) {
      expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBeTruthy();
    }
  });
});
