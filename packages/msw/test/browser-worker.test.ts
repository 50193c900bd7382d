import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { CHROMIUM_ARGS, chromiumAvailability } from "@journey-runs/chromium";
import type { JournalEntry } from "@journey-runs/msw";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const chromiumFound = chromiumAvailability();
if (!chromiumFound.ok) console.log(`skipping the msw/browser tests: ${chromiumFound.reason}`);

const require = createRequire(import.meta.url);
let server: Server;
let origin = "";
let browser: Browser;

beforeAll(async () => {
  if (!chromiumFound.ok) return;
  const bundle = await build({
    entryPoints: [new URL("./browser/page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "chrome120",
    write: false,
    logLevel: "silent",
  });
  const files: Record<string, [string, string]> = {
    "/": ["text/html", '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>'],
    "/page.js": ["text/javascript", bundle.outputFiles[0]?.text ?? ""],
    "/mockServiceWorker.js": ["text/javascript", await readFile(require.resolve("msw/mockServiceWorker.js"), "utf8")],
  };
  server = createServer((req, res) => {
    const file = files[(req.url ?? "/").split("?")[0] as string];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file[0], "Cache-Control": "no-store" }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumFound.executablePath, args: [...CHROMIUM_ARGS] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function open(latency: number): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/?latency=${latency}`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, {
    timeout: 30_000,
  });
  return page;
}

const statuses = (page: Page) =>
  page.evaluate(() => window.journeyRunsMock?.journal().map((entry: JournalEntry) => entry.status) ?? []);

describe.skipIf(!chromiumFound.ok)("msw/browser in Chromium (service worker)", () => {
  test("the handler never sees the page's abort: an aborted request still takes a per-request fault", async () => {
    const page = await open(100);
    await page.evaluate(() => window.journeyRunsMock?.failNext(500, { scope: "request" }));
    expect(await page.evaluate(() => (window as unknown as { abortedLoad(): Promise<string> }).abortedLoad())).toBe(
      "AbortError",
    );
    await page.waitForFunction(() => (window.journeyRunsMock?.journal().length ?? 0) > 0);
    expect(await statuses(page)).toEqual([500]);
    await page.close();
  }, 60_000);

  test("StrictMode's mount, abort, mount shows failNext(500) when the mock has a latency", async () => {
    const page = await open(50);
    await page.evaluate(() => window.journeyRunsMock?.failNext(500));
    const [first, second] = await page.evaluate(() =>
      (window as unknown as { strictModeLoad(): Promise<string[]> }).strictModeLoad(),
    );
    expect(first).toBe("AbortError");
    expect(second).toBe("InternalServerErrorException");
    expect(await statuses(page)).toEqual([200, 500, 500, 500]);
    await page.close();
  }, 60_000);

  test("without latency the aborted first request takes the fault (what the README warns about)", async () => {
    const page = await open(0);
    await page.evaluate(() => window.journeyRunsMock?.failNext(500));
    const [, second] = await page.evaluate(() =>
      (window as unknown as { strictModeLoad(): Promise<string[]> }).strictModeLoad(),
    );
    expect(second).toBe("2 runs");
    await page.close();
  }, 60_000);
});
