import { createJourneyRunsMock, type JourneyRunsMock } from "@journey-runs/msw";
// The package's own type of `window.journeyRunsMock`: set in mock mode only; the browser tests drive it with
// `page.evaluate`, and a developer can from the console (`journeyRunsMock.throttle(3)`, then Show runs).
import type {} from "@journey-runs/msw/browser-global";
import { setupWorker } from "msw/browser";

/**
 * Starts the fake of Pinpoint in this page: `createJourneyRunsMock` answers, through the MSW service worker, the
 * GetJourneyRuns requests sent to `baseUrl`; every other request goes to the network.
 *
 * @example
 * await startMock("https://pinpoint.us-east-1.amazonaws.com");
 */
export async function startMock(baseUrl: string): Promise<JourneyRunsMock> {
  const mock = createJourneyRunsMock({ baseUrl });
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: "bypass",
  });
  window.journeyRunsMock = mock;
  return mock;
}
