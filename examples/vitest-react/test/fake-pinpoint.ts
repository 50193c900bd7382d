// The fake Pinpoint every test of this example talks to, and a client made for tests.
import { type Credentials, createJourneyRunsClient, type RetryEvent } from "@journey-runs/client";
import { createJourneyRunsMock } from "@journey-runs/msw";
import { setupServer } from "msw/node";

/** One fake for the whole file; `mock.reset()` after each test puts its store, faults and latency back. */
export const mock = createJourneyRunsMock({ seed: 1 });
export const server = setupServer(...mock.handlers);

/**
 * A new client per test, so that no test inherits another's retry quota or clock skew; no jitter, so retries wait
 * 0 ms (the backoff is `random() * base * 2^i`), and at most 3 attempts as the AWS default.
 */
export function testClient(retries: RetryEvent[] = [], credentials?: Credentials) {
  return createJourneyRunsClient({
    region: "us-east-1",
    ...(credentials ? { credentials } : {}),
    retry: { maxAttempts: 3, random: () => 0, quota: false },
    onRetry: (event) => void retries.push(event),
  });
}
