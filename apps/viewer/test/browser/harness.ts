import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS } from "@journey-runs/chromium";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type StaticServer, startStaticServer } from "../../scripts/static-server.js";

export { chromiumAvailability } from "@journey-runs/chromium";

/** The built page that the tests serve: what `npm start` serves too. */
export const DIST_DIR = fileURLToPath(new URL("../../dist/", import.meta.url));
/** Where screenshots go: gitignored `test-results/`, kept with the test output. */
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

/** Fails with a clear message when the page was not built: the tests serve `dist/`, they do not build it. */
export function assertBuilt(): void {
  for (const file of ["index.html", "mockServiceWorker.js"]) {
    if (!existsSync(join(DIST_DIR, file))) {
      throw new Error(`dist/${file} is missing: build the viewer first (npm run build -w @journey-runs/viewer).`);
    }
  }
}

/** A served page and a Chromium to look at it with. */
export interface BrowserHarness {
  readonly context: BrowserContext;
  readonly server: StaticServer;
  readonly url: (path?: string) => string;
  readonly screenshotDir: string;
  readonly screenshot: (page: Page, name: string) => Promise<string>;
  readonly close: () => Promise<void>;
}

/**
 * Serves `dist/` on 127.0.0.1 (port 0) and launches Chromium with a fresh profile. Times show in UTC and en-GB, so
 * the screenshots are the same on every machine.
 */
export async function openHarness(executablePath: string): Promise<BrowserHarness> {
  assertBuilt();
  const server = await startStaticServer({ root: DIST_DIR, port: 0 });
  const profile = await mkdtemp(join(tmpdir(), "journey-runs-viewer-chromium-"));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "UTC",
      colorScheme: "light",
      serviceWorkers: "allow",
    });
  } catch (error) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    server,
    url: (path = "/") => new URL(path, server.url).href,
    screenshotDir: SCREENSHOT_DIR,
    screenshot: async (page, name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
