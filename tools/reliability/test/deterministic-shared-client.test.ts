/**
 * One client shared by a whole suite against the fake (msw/node), in random order, faults and
 * throttling mixed, passes identically whatever the order. The client is made as docs/decisions/0008 and the README
 * say: `retry: { quota: false, random: () => 0 }`, unsigned. Then no state of the client can carry from one test to the
 * next (no retry quota; no clock-skew correction and no credentials cache without credentials) and backoff waits 0 ms,
 * without a timer. Seeds: JOURNEY_RUNS_SEEDS (comma-separated), default 1 to 5; each seed orders 200 generated tests.
 *
 * What it relies on in the fake: `throttle(n)` and `networkErrorNext({ times: n, scope: "request" })` fail the next n
 * *requests* (the client retries within one call);
 * `failNext(status)` of a non-retryable status and `failAlways` fail a call whatever their scope.
 */

import { readFileSync } from "node:fs";
import {
  createJourneyRunsClient,
  isJourneyRunsError,
  type JourneyRunsErrorByName,
  type RetryEvent,
} from "@journey-runs/client";
import { createJourneyRunsMock, EXAMPLE_IDS, type JourneyRunsErrorStatus } from "@journey-runs/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

const mock = createJourneyRunsMock({ seed: 1 });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const MAX_ATTEMPTS = 3;
/** The options of the one client, as packages/client/README.md tells suites to write them. */
const SHARED_RETRY = "retry: { quota: false, random: () => 0 }";

it("packages/client/README.md shows the client options this suite proves", () => {
  const readme = readFileSync(new URL("../../../packages/client/README.md", import.meta.url), "utf8");
  expect(readme).toContain(SHARED_RETRY);
  expect(readFileSync(new URL(import.meta.url), "utf8")).toContain(`  ${SHARED_RETRY},\n  onRetry`);
});
const events: RetryEvent[] = [];
/** The one client of the suite. */
const client = createJourneyRunsClient({
  endpoint: "http://127.0.0.1:4010",
  retry: { quota: false, random: () => 0 },
  onRetry: (event) => events.push(event),
});
const input = { applicationId: EXAMPLE_IDS.applicationId, journeyId: EXAMPLE_IDS.journeyId };

/** One generated test: what it does to the fake, what it calls, and what must come out. */
interface Scenario {
  readonly name: string;
  readonly arrange: () => void;
  readonly act: () => Promise<unknown>;
  /**
   * The error class by name, or a number: -1 for any page, else the runs the call must give beyond those of the
   * example journey after a reset.
   */
  readonly want: keyof JourneyRunsErrorByName | number;
}

/** mulberry32: a small seeded PRNG, so that a seed gives the same tests in the same order. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The runs of the example journey right after `mock.reset()`: read once, the store starts the same every time. */
let initialRuns = 0;

const scenario = (random: () => number, index: number): Scenario => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const get = () => client.getJourneyRuns(input);
  const count = async () => {
    let runs = 0;
    for await (const _ of client.iterateJourneyRuns({ ...input, pageSize: pick([1, 2, 5, 100]) })) runs++;
    return runs;
  };
  switch (pick(["throttle", "fail", "always", "network", "pages"] as const)) {
    case "throttle": {
      const times = Math.floor(random() * (MAX_ATTEMPTS + 3));
      return {
        name: `#${index} throttle(${times}) then getJourneyRuns`,
        arrange: () => times && mock.throttle(times),
        act: get,
        want: times < MAX_ATTEMPTS ? -1 : "TooManyRequestsException",
      };
    }
    case "fail": {
      const [status, want] = pick([
        [400, "BadRequestException"],
        [403, "ForbiddenException"],
        [404, "NotFoundException"],
        [405, "MethodNotAllowedException"],
        [413, "PayloadTooLargeException"],
      ] as const);
      return { name: `#${index} failNext(${status})`, arrange: () => mock.failNext(status), act: get, want };
    }
    case "always": {
      const [status, want] = pick([
        [500, "InternalServerErrorException"],
        [429, "TooManyRequestsException"],
        [404, "NotFoundException"],
      ] as [JourneyRunsErrorStatus, keyof JourneyRunsErrorByName][]);
      return { name: `#${index} failAlways(${status})`, arrange: () => mock.failAlways(status), act: get, want };
    }
    case "network": {
      const times = 1 + Math.floor(random() * (MAX_ATTEMPTS + 1));
      return {
        name: `#${index} networkErrorNext(${times})`,
        arrange: () => mock.networkErrorNext({ times, scope: "request" }),
        act: get,
        want: times < MAX_ATTEMPTS ? -1 : "NetworkError",
      };
    }
    case "pages": {
      const added = Math.floor(random() * 12);
      const throttled = Math.floor(random() * MAX_ATTEMPTS);
      return {
        name: `#${index} ${added} runs added, throttle(${throttled}), iterateJourneyRuns`,
        arrange: () => {
          mock.store.example?.addRuns(added);
          if (throttled) mock.throttle(throttled);
        },
        act: count,
        want: added,
      };
    }
  }
};

const seeds = (process.env.JOURNEY_RUNS_SEEDS ?? "1,2,3,4,5").split(",").map(Number);

beforeAll(async () => {
  mock.reset();
  for await (const _ of client.iterateJourneyRuns(input)) initialRuns++;
  expect(initialRuns).toBeGreaterThan(0);
});

beforeEach(() => {
  mock.reset();
  events.length = 0;
});

for (const seed of seeds) {
  describe(`seed ${seed}: 200 generated tests in random order, one shared client`, () => {
    const random = prng(seed);
    const scenarios = Array.from({ length: 200 }, (_, i) => scenario(random, i));
    // Fisher-Yates with the same seed: the order differs from seed to seed.
    for (let i = scenarios.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [scenarios[i], scenarios[j]] = [scenarios[j] as Scenario, scenarios[i] as Scenario];
    }
    for (const { name, arrange, act, want } of scenarios) {
      it(`${name} -> ${typeof want === "number" ? (want < 0 ? "a page" : `${want} more runs`) : want}`, async () => {
        arrange();
        const outcome = await act().catch((error: unknown) => error);
        if (typeof want === "string") {
          expect(isJourneyRunsError(outcome, want), String(outcome)).toBe(true);
        } else if (want < 0) {
          expect(outcome).toHaveProperty("Item");
        } else {
          expect(outcome).toBe(initialRuns + want);
        }
        // No real time in backoff: every wait the client announced was 0 ms.
        expect(events.every((event) => event.delayMs === 0)).toBe(true);
      });
    }
  });
}

describe("why the options matter", () => {
  it("with the default retry quota, failures of earlier tests use up the retries of a later one", async () => {
    const shared = createJourneyRunsClient({ endpoint: "http://127.0.0.1:4010", retry: { random: () => 0 } });
    mock.failAlways(500);
    // 25 calls x 2 retries x 10 tokens: the 500-token quota is gone.
    for (let i = 0; i < 25; i++) await shared.getJourneyRuns(input).catch(() => {});
    mock.reset();
    mock.throttle(1);
    const outcome = await shared.getJourneyRuns(input).catch((error: unknown) => error);
    expect(isJourneyRunsError(outcome, "TooManyRequestsException")).toBe(true);
  });
});
