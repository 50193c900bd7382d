// The page of the msw/browser test: the mock on MSW's service worker, and the real client, as an app has them.
import { createJourneyRunsClient } from "@journey-runs/client";
import { createJourneyRunsMock, EXAMPLE_IDS } from "@journey-runs/msw";
import type {} from "@journey-runs/msw/browser-global";
import { setupWorker } from "msw/browser";

const latency = Number(new URLSearchParams(location.search).get("latency") ?? "0");
const mock = createJourneyRunsMock({ seed: 1, latency });
const worker = setupWorker(...mock.handlers);
// msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame: each ignores the other's.
await worker.start({ onUnhandledRequest: "bypass", onUnhandledFrame: "bypass", quiet: true } as Parameters<
  typeof worker.start
>[0]);
window.journeyRunsMock = mock;

const client = createJourneyRunsClient({ endpoint: location.origin, retry: { random: () => 0, quota: false } });
const input = { applicationId: EXAMPLE_IDS.applicationId, journeyId: EXAMPLE_IDS.journeyId };
const outcome = (promise: Promise<{ Item: unknown[] }>): Promise<string> =>
  promise.then(
    (page) => `${page.Item.length} runs`,
    (error: Error) => error.name,
  );

/** What React StrictMode does in development: mount (load), unmount (abort), mount again (load). */
async function strictModeLoad(): Promise<string[]> {
  const first = new AbortController();
  const aborted = outcome(client.getJourneyRuns(input, { signal: first.signal }));
  // Let the first request reach the service worker before the abort, as it does in a real app.
  await new Promise((resolve) => setTimeout(resolve, 5));
  first.abort();
  return Promise.all([aborted, outcome(client.getJourneyRuns(input))]);
}

/** One call that the page aborts while the fake waits: does the handler see the abort? */
async function abortedLoad(): Promise<string> {
  const controller = new AbortController();
  const result = outcome(client.getJourneyRuns(input, { signal: controller.signal }));
  await new Promise((resolve) => setTimeout(resolve, 5));
  controller.abort();
  return result;
}

Object.assign(window, { strictModeLoad, abortedLoad, ready: true });
