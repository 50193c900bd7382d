import type { JourneyRunsMock } from "@journey-runs/msw";

declare global {
  interface Window {
    /** The page's fake Pinpoint, for end-to-end tests (`page.evaluate(() => window.journeyRunsMock.throttle(2))`). */
    journeyRunsMock?: JourneyRunsMock;
  }
}
