/**
 * Types for the browser global that the README tells pages to set, so that Playwright or Cypress can drive the page's
 * mock (`page.evaluate(() => window.journeyRunsMock?.failNext(500))`) without a hand-written `declare global`.
 * Import it for its types only: `import type {} from "@journey-runs/msw/browser-global";`, or list it in
 * `compilerOptions.types`.
 *
 * @example
 * ```ts
 * import type {} from "@journey-runs/msw/browser-global";
 * window.journeyRunsMock = createJourneyRunsMock({ seed: 1 });
 * ```
 * @packageDocumentation
 */
import type { JourneyRunsMock } from "./msw-handlers.js";

declare global {
  interface Window {
    /** The page's mock of GetJourneyRuns, set by the page for tests that drive it from outside (Playwright). */
    journeyRunsMock?: JourneyRunsMock | undefined;
  }
}
