/**
 * How the project's browser tests find and launch Chromium (Debian's package: tools that download their own browsers
 * cannot reach the internet here). Plain JavaScript with its types beside it, so that tests import it without a build.
 */
import { existsSync } from "node:fs";

/** The flags every Chromium of this project runs with (no sandbox in containers, nothing fetched in the background). */
export const CHROMIUM_ARGS = Object.freeze([
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);

/** Finds Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; if it is missing, says how to install it. */
export function chromiumAvailability(env = process.env) {
  const executablePath = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    return {
      ok: false,
      executablePath,
      reason: `no Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    };
  }
  return { ok: true, executablePath };
}
