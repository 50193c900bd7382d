// Debian's Chromium driven by playwright-core (no browser download), and the example page served by Vite.
import { type Browser, chromium, type Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";

/** The flags of a headless Chromium in a container, with nothing fetched in the background (the repository keeps
 * the same list in tools/chromium; an example stands alone, so it does not import it). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the Vite dev server of the example (development mode: StrictMode runs effects twice) and Chromium. */
export async function startBrowserAndPage(): Promise<{ browser: Browser; vite: ViteDevServer; url: string }> {
  const vite = await createServer({
    root: new URL("..", import.meta.url).pathname,
    server: { port: 0 },
    logLevel: "warn",
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error("Vite printed no local URL");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return { browser, vite, url };
}

/** A fresh browser context (its own service worker, so its own fake) on the page, once the fake is installed. */
export async function openApp(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.journeyRunsMock !== undefined);
  await page.getByRole("listitem").first().waitFor();
  return page;
}

/** Mounts the list anew (a new call) and waits until it has loaded or failed. */
export async function reload(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Reload" }).click();
  await page.locator("li, [role=alert]").first().waitFor();
}
