import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { openApp, reload, startBrowserAndPage } from "./browser.js";

let browser: Browser;
let vite: ViteDevServer;
let url: string;
let page: Page;

beforeAll(async () => {
  ({ browser, vite, url } = await startBrowserAndPage());
});
afterAll(async () => {
  await browser?.close();
  await vite?.close();
});
beforeEach(async () => {
  page = await openApp(browser, url);
});
afterEach(async () => {
  await page.context().close();
});

const alert = () => page.getByRole("alert").textContent({ timeout: 10_000 });
const runIds = () => page.getByRole("listitem").allTextContents();

test("the page loads the example journey through the worker, signed with WebCrypto", async () => {
  expect(await runIds()).toEqual([
    "99999999998888888888777777777766 COMPLETED",
    "ffffffffffeeeeeeeeeeddddddddddcc SCHEDULED",
  ]);
});

test("failAlways(500) shows the error through every retry; clearFaults() ends it", async () => {
  await page.evaluate(() => window.journeyRunsMock?.failAlways(500));
  await reload(page);
  expect(await alert()).toMatch(/^InternalServerErrorException: /);
  await page.evaluate(() => window.journeyRunsMock?.clearFaults());
  await reload(page);
  expect(await runIds()).toHaveLength(2);
});

test("throttle(2) is a burst the client's retries recover from", async () => {
  await page.evaluate(() => window.journeyRunsMock?.throttle(2));
  await reload(page);
  expect(await runIds()).toHaveLength(2);
  expect(await page.getByRole("alert").count()).toBe(0);
});

test("setLatency(ms) keeps the page loading for that long", async () => {
  await page.evaluate(() => window.journeyRunsMock?.setLatency(1_500));
  await page.getByRole("button", { name: "Reload" }).click();
  await page.getByRole("status").waitFor();
  expect(await page.getByRole("status").textContent()).toBe("Loading runs...");
  await page.getByRole("listitem").first().waitFor({ timeout: 10_000 });
  expect(await page.getByRole("status").count()).toBe(0);
});

test("reset() puts back the store, the faults and the latency of the page's start", async () => {
  await page.evaluate(() => {
    window.journeyRunsMock?.store.example?.addRuns(5);
    window.journeyRunsMock?.failAlways(404);
    window.journeyRunsMock?.setLatency(5_000);
    window.journeyRunsMock?.reset();
  });
  await reload(page);
  expect(await runIds()).toHaveLength(2);
});

// The faults of one call: every attempt of the next call fails, whatever the client's retries, and the request that
// React StrictMode aborts (the first effect's) does not use a fault up.
describe("the next call fails, under StrictMode", () => {
  test("failNext(500) shows InternalServerErrorException", async () => {
    await page.evaluate(() => window.journeyRunsMock?.control.clearJournal());
    await page.evaluate(() => window.journeyRunsMock?.failNext(500));
    await reload(page);
    expect(await alert()).toMatch(/^InternalServerErrorException: /);
    // The fake's journal: the client's three attempts of one call (one invocation id), each answered 500. The request
    // StrictMode aborted, if it reached the worker, was answered with nothing and used up no fault.
    const journal = await page.evaluate(() => window.journeyRunsMock?.control.journal());
    const answered = (journal ?? []).filter((entry) => entry.status !== "network-error");
    expect(answered.map((entry) => [entry.status, entry.headers["amz-sdk-request"]])).toEqual([
      [500, "attempt=1; max=3"],
      [500, "attempt=2; max=3"],
      [500, "attempt=3; max=3"],
    ]);
    expect(new Set(answered.map((entry) => entry.headers["amz-sdk-invocation-id"])).size).toBe(1);
    await reload(page); // the call after it is not failed
    expect(await runIds()).toHaveLength(2);
  });

  test("networkErrorNext() shows NetworkError", async () => {
    await page.evaluate(() => window.journeyRunsMock?.networkErrorNext());
    await reload(page);
    expect(await alert()).toMatch(/^NetworkError: /);
  });

  test("throttle(3) outlasts the client's three attempts and shows TooManyRequestsException", async () => {
    await page.evaluate(() => window.journeyRunsMock?.throttle(3));
    await reload(page);
    expect(await alert()).toMatch(/^TooManyRequestsException: /);
  });
});
