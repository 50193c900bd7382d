import type {} from "@journey-runs/msw/browser-global";
import { connectJourneyRunsControl } from "@journey-runs/msw/control";
import { ERROR_STATUSES, errorTypeOf } from "@journey-runs/msw/core";
import { startMockServer } from "@journey-runs/msw/server";
import type { Page, Response } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, chromiumAvailability, openHarness } from "./harness.js";

const availability = chromiumAvailability();
if (!availability.ok) {
  if (process.env.CI === "true") {
    throw new Error(`The viewer's browser tests must run in CI, but ${availability.reason}.`);
  }
  console.warn(`[viewer] browser tests skipped: ${availability.reason}.`);
}

const EXAMPLE_RUNS = [
  { id: "99999999998888888888777777777766", status: "Completed", created: "2000-01-01T00:00:00.000Z" },
  { id: "ffffffffffeeeeeeeeeeddddddddddcc", status: "Scheduled", created: "2000-01-01T00:00:10.000Z" },
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUNS_PATH = /\/v1\/apps\/[^/]+\/journeys\/[^/]+\/runs/;

describe.runIf(availability.ok)("the viewer in Chromium, on the in-page MSW fake", () => {
  let harness: BrowserHarness;
  let page: Page;
  let pageErrors: string[];
  let runsResponses: Response[];

  beforeAll(async () => {
    if (!availability.ok) return;
    harness = await openHarness(availability.executablePath);
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function open(path = "/"): Promise<Page> {
    page = await harness.context.newPage();
    pageErrors = [];
    runsResponses = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("response", (response) => {
      if (RUNS_PATH.test(response.url())) runsResponses.push(response);
    });
    await page.goto(harness.url(path));
    return page;
  }

  /** Waits until the in-page fake is ready and the first load has settled. */
  async function settled(): Promise<void> {
    await page.waitForFunction(() => window.journeyRunsMock !== undefined);
    await page.waitForFunction(() => {
      const phase = document.getElementById("app")?.dataset.phase;
      return phase === "ready" || phase === "failed";
    });
  }

  const rowIds = () =>
    page.locator("tbody tr[data-run-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-run-id")));
  const statusText = () => page.locator("#status").textContent();

  afterEach(async () => {
    expect(pageErrors).toEqual([]);
    await page?.close();
  });

  it("shows the AWS example runs, in the order the API returns them, and says the end is reached", async () => {
    await open();
    await settled();
    expect(await rowIds()).toEqual(EXAMPLE_RUNS.map((run) => run.id));
    for (const [index, run] of EXAMPLE_RUNS.entries()) {
      const row = page.locator("tbody tr[data-run-id]").nth(index);
      await expect(row.locator(".badge").textContent()).resolves.toBe(run.status);
      await expect(row.locator("time").first().getAttribute("title")).resolves.toBe(run.created);
    }
    await expect(page.locator("tbody tr[data-run-id]").first().locator("time").first().textContent()).resolves.toBe(
      "1 Jan 2000, 00:00:00",
    );
    await expect(statusText()).resolves.toBe("All 2 runs are shown: the end of this journey's runs.");
    await expect(page.locator(".end-note").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Load more runs" }).isVisible()).resolves.toBe(false);
    const chart = await page
      .locator(".chart-row")
      .evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute("data-status"), row.querySelector(".chart-value")?.textContent]),
      );
    expect(chart).toEqual([
      ["SCHEDULED", "1 (50%)"],
      ["RUNNING", "0 (0%)"],
      ["COMPLETED", "1 (50%)"],
      ["CANCELLED", "0 (0%)"],
    ]);
    expect(runsResponses.map((response) => [response.status(), response.fromServiceWorker()])).toEqual([[200, true]]);
    await harness.screenshot(page, "example-runs");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(15, 23, 42)");
    await harness.screenshot(page, "example-runs-dark");
  });

  it("pages a journey of 317 runs to its end with the keyboard, no run twice, focus on the first new run", async () => {
    await open();
    await settled();
    const expected = await page.evaluate(() => {
      const journey = window.journeyRunsMock?.store.addJourney("app-large", "journey-large");
      journey?.addRuns(317);
      return journey?.runs().map((run) => run.RunId) ?? [];
    });
    expect(expected).toHaveLength(317);

    await page.getByLabel("Application ID").fill("app-large");
    await page.getByLabel("Journey ID").fill("journey-large");
    await page.getByLabel("Page size").fill("50");
    await page.getByLabel("Page size").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-run-id]").length === 50);

    const loadMore = page.getByRole("button", { name: "Load more runs" });
    for (let shown = 50; shown < 317; shown += 50) {
      await loadMore.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (count) => document.querySelectorAll("tbody tr[data-run-id]").length === count,
        Math.min(shown + 50, 317),
      );
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-run-id"));
      expect(focused).toBe(expected[shown]);
    }
    const ids = await rowIds();
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(317);
    await expect(statusText()).resolves.toBe("All 317 runs are shown: the end of this journey's runs.");
    await expect(loadMore.isVisible()).resolves.toBe(false);
    expect(runsResponses.slice(1).map((response) => response.status())).toEqual(Array(7).fill(200));
    const chartTotal = await page
      .locator(".chart-value")
      .evaluateAll((values) => values.reduce((sum, value) => sum + Number.parseInt(value.textContent ?? "", 10), 0));
    expect(chartTotal).toBe(317);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${harness.screenshotDir}/paged-to-the-end.png` });
  });

  // Retryable errors (429, 500) fail all 3 attempts of the client, then the page's own first round succeeds;
  // the others fail once and the reader recovers with "Try again".
  it.each(ERROR_STATUSES.map((status) => [errorTypeOf(status), status] as const))(
    "names %s (HTTP %s) and its request id, then recovers",
    async (errorType, status) => {
      await open();
      await settled();
      const retryable = status === 429 || status >= 500;
      const before = runsResponses.length;
      await page.evaluate(([code, times]) => window.journeyRunsMock?.failNext(code, { times }), [
        status,
        retryable ? 3 : 1,
      ] as const);
      // The page may start its own retry round a second after the error shows: what it showed is recorded the
      // moment the panel appears, so the checks do not race that round.
      await page.evaluate(() => {
        const app = document.getElementById("app") as HTMLElement;
        const panel = app.querySelector(".error-panel") as HTMLElement;
        const shown: Record<string, string | null | undefined>[] = [];
        const field = (name: string) => panel.querySelector(`[data-field="${name}"]`)?.textContent;
        new MutationObserver(() => {
          if (panel.hidden || shown.length > 0) return;
          const line = document.getElementById("status")?.textContent;
          shown.push({ type: field("type"), status: field("status"), requestId: field("request-id"), line });
        }).observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
        Object.assign(window, { errorShown: shown });
      });
      await page.getByRole("button", { name: "Show runs" }).click();
      await page.waitForFunction(() => (window as unknown as { errorShown: unknown[] }).errorShown.length > 0);
      await harness.screenshot(page, `error-${errorType}`);
      const [shown] = await page.evaluate(
        () => (window as unknown as { errorShown: Record<string, string | null | undefined>[] }).errorShown,
      );
      expect(shown?.type).toBe(errorType);
      expect(shown?.status).toBe(String(status));
      expect(shown?.requestId).toMatch(UUID);
      expect(shown?.line).toMatch(
        retryable
          ? new RegExp(`^Could not load runs: ${errorType}\\. Retrying by itself in \\d s \\(round 1 of 3\\)\\.$`)
          : new RegExp(`^Could not load runs: ${errorType}\\.$`),
      );
      const failed = runsResponses.slice(before, before + (retryable ? 3 : 1));
      expect(failed.map((response) => response.status())).toEqual(Array(retryable ? 3 : 1).fill(status));
      expect(await failed.at(-1)?.headerValue("x-amzn-requestid")).toBe(shown?.requestId);
      expect(await failed.at(-1)?.headerValue("x-amzn-errortype")).toBe(errorType);

      if (!retryable) await page.getByRole("button", { name: "Try again" }).click();
      await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-run-id]").length === 2);
      await expect(page.locator(".error-panel").isVisible()).resolves.toBe(false);
      expect(runsResponses.at(-1)?.status()).toBe(200);
    },
  );

  it("recovers by itself after a burst of throttling, and says it is retrying while it does", async () => {
    await open();
    await settled();
    await page.evaluate(() => {
      const log: string[] = [];
      const status = document.getElementById("status");
      if (status === null) throw new Error("no #status element");
      new MutationObserver(() => log.push(status.textContent ?? "")).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      Object.assign(window, { statusLog: log });
      window.journeyRunsMock?.setLatency(150);
      window.journeyRunsMock?.throttle(5);
    });
    const before = runsResponses.length;
    await page.getByRole("button", { name: "Show runs" }).click();
    // The status log keeps every line, so a retry notice shown only briefly is still seen.
    await page.waitForFunction(() =>
      (window as unknown as { statusLog: string[] }).statusLog.some((line) =>
        line.startsWith("The service is throttling"),
      ),
    );
    await harness.screenshot(page, "retrying-after-throttling");
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-run-id]").length === 2, undefined, {
      timeout: 30_000,
    });

    const log = await page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
    expect(log.some((line) => /retrying runs in \d+\.\d s, attempt 2 of 3/.test(line))).toBe(true);
    expect(log.some((line) => /Retrying by itself in \d+ s \(round 1 of 3\)/.test(line))).toBe(true);
    expect(log.at(-1)).toBe("All 2 runs are shown: the end of this journey's runs.");
    expect(runsResponses.slice(before).map((response) => response.status())).toEqual([429, 429, 429, 429, 429, 200]);
  });

  it("labels every field, follows the keyboard, and explains a bad field instead of sending a request", async () => {
    await open();
    await settled();
    const requests = runsResponses.length;
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to the runs");
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || null));
    }
    expect(order).toEqual(["application-id", "journey-id", "page-size", "Show runs"]);

    await page.getByLabel("Journey ID").fill("");
    await page.getByLabel("Page size").fill("500");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("journey-id");
    await expect(page.getByLabel("Journey ID").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#journey-id-error").textContent()).resolves.toBe("Enter the journey ID.");
    await expect(page.locator("#page-size-error").textContent()).resolves.toBe(
      "Enter a whole number of runs from 1 to 100.",
    );
    expect(runsResponses.length).toBe(requests);
    await harness.screenshot(page, "invalid-form");
  });

  it("sends its requests to journey-runs-mock when ?endpoint= names it, without starting the worker", async () => {
    const served: string[] = [];
    const mockServer = await startMockServer({ port: 0, runs: 40, log: (line) => served.push(line) });
    try {
      await open(`/?endpoint=${encodeURIComponent(mockServer.url)}`);
      await page.waitForFunction(() => document.getElementById("app")?.dataset.phase === "ready");
      await expect(page.evaluate(() => window.journeyRunsMock === undefined)).resolves.toBe(true);
      await expect(page.locator("[data-source]").textContent()).resolves.toBe(mockServer.url);
      await expect(page.getByLabel("Endpoint").inputValue()).resolves.toBe(mockServer.url);
      expect(await rowIds()).toEqual(
        mockServer.fake.store.example
          ?.runs()
          .slice(0, 25)
          .map((run) => run.RunId),
      );
      await expect(statusText()).resolves.toBe("Showing 25 runs. More runs are available.");
      // The worker registered by earlier pages may still see the request, but only to let it through to the network.
      expect(runsResponses.map((response) => response.url().startsWith(mockServer.url))).toEqual([true]);
      expect(served.filter((line) => /\bGET\b/.test(line) && line.includes("/runs"))).toHaveLength(1);

      mockServer.fake.failNext(404);
      await page.getByRole("button", { name: "Show runs" }).click();
      await page.getByRole("alert").waitFor({ state: "visible" });
      await expect(page.locator('[data-field="type"]').textContent()).resolves.toBe("NotFoundException");
      await expect(page.locator('[data-field="request-id"]').textContent()).resolves.toMatch(UUID);
      await harness.screenshot(page, "journey-runs-mock-error");
    } finally {
      await mockServer.close();
    }
  });

  it("is readable on a phone: nothing scrolls sideways", async () => {
    await open();
    await page.setViewportSize({ width: 390, height: 844 });
    await settled();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const tableOverflow = await page.locator(".table-wrap").evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth);
    expect(tableOverflow).toBeLessThanOrEqual(0);
    await harness.screenshot(page, "phone");
  });

  /** The cells of the control panel's table `name` ("journeys" or "journal"), row by row. */
  const panelCells = (name: string) =>
    page
      .locator(`[data-control="${name}"] tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")));

  it("shows the fake's state and journal of a journey-runs-mock with the control plane", async () => {
    const mockServer = await startMockServer({ port: 0, control: true });
    try {
      const control = connectJourneyRunsControl(mockServer.url);
      await control.setScene({
        example: false,
        journeys: [{ applicationId: "e2e-app", journeyId: "e2e-journey", runs: 7 }],
      });
      const runs = (await control.dump()).applications.find((a) => a.applicationId === "e2e-app")?.journeys[0]?.runs;
      const count = (status: string) => String(runs?.filter((run) => run.Status === status).length);
      // The page (harness origin) and the mock are two origins: the control plane's read answers carry CORS.
      await open(`/?endpoint=${encodeURIComponent(mockServer.url)}&app=e2e-app&journey=e2e-journey`);
      await page.waitForFunction(() => document.getElementById("app")?.dataset.phase === "ready");
      expect(await rowIds()).toHaveLength(7);
      await page.getByRole("heading", { name: "The fake's state" }).waitFor();
      await page.getByRole("button", { name: "Refresh" }).click();
      await page.waitForFunction(() => document.querySelector('[data-control="journal"] tr td time') !== null);

      await expect(page.locator('[data-control="mode"]').textContent()).resolves.toMatch(/^Manual clock/);
      expect(await panelCells("journeys")).toEqual([
        ["e2e-app", "e2e-journey", "7", ...["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"].map(count), "0"],
      ]);
      const [answer] = runsResponses;
      const journal = await panelCells("journal");
      expect(journal).toHaveLength(1);
      expect(journal[0]?.slice(1)).toEqual([
        "GET",
        "/v1/apps/e2e-app/journeys/e2e-journey/runs",
        "page-size=25",
        "200",
        (await answer?.allHeaders())?.["x-amzn-requestid"] ?? "no request id",
        (await answer?.request().allHeaders())?.["amz-sdk-invocation-id"] ?? "no invocation id",
      ]);
      await expect(page.getByRole("region", { name: "Journeys" }).isVisible()).resolves.toBe(true);
      await harness.screenshot(page, "control-panel");
    } finally {
      await harness.context.unrouteAll();
      await mockServer.close();
    }
  });

  it("leaves a one-line note, and the runs, when the endpoint has no control plane", async () => {
    const mockServer = await startMockServer({ port: 0, runs: 3 });
    try {
      await open(`/?endpoint=${encodeURIComponent(mockServer.url)}`);
      await page.waitForFunction(() => document.getElementById("app")?.dataset.phase === "ready");
      await page.locator('[data-control="absent"]').waitFor();
      await expect(page.locator('[data-control="absent"]').textContent()).resolves.toMatch(
        /^The fake's state is not shown: no control plane answered at http:\/\/127\.0\.0\.1:\d+\/_journey-runs-mock\/health/,
      );
      expect(await rowIds()).toHaveLength(5); // the 2 example runs and the 3 of `runs`
      await expect(page.getByRole("heading", { name: "The fake's state" }).count()).resolves.toBe(0);
    } finally {
      await mockServer.close();
    }
  });

  it("shows the in-page fake's journal in mock mode", async () => {
    await open();
    await settled();
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.waitForFunction(() => document.querySelector('[data-control="journal"] tr td time') !== null);
    const journal = await panelCells("journal");
    expect(journal[0]?.slice(1, 5)).toEqual([
      "GET",
      "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs",
      "page-size=25",
      "200",
    ]);
    expect(await panelCells("journeys")).toContainEqual([
      "11111111112222222222333333333344",
      "aaaaaaaaaabbbbbbbbbbccccccccccdd",
      "2",
      "1",
      "0",
      "1",
      "0",
      "0",
    ]);
  });
});
