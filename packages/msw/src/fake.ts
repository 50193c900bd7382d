import { awsErrorResponse, type FakeResponse, quote } from "./aws-response.js";
import type { Clock } from "./clock.js";
import {
  defaultMessageOf,
  ERROR_STATUSES,
  isErrorStatus,
  type JourneyRunsErrorStatus,
  RUNS_METHOD,
} from "./contract-rules.js";
import { check } from "./errors.js";
import { successStatus } from "./generated/contract.js";
import { getJourneyRuns } from "./get-journey-runs.js";
import type { Seed } from "./random.js";
import { matchRunsPath } from "./route.js";
import { createJourneyRunsStore, type JourneyRunsStore } from "./store.js";

/** A request as the fake reads it, whatever carried it (MSW, node:http). */
export interface FakeRequest {
  method: string;
  /** The raw path, still percent-encoded, without the query. */
  path: string;
  /** The raw query, without the leading `?`. */
  query: string;
  headers: { get(name: string): string | null };
}

/** A network failure: MSW answers `Response.error()`, the server drops the connection. */
export interface FakeNetworkError {
  kind: "network-error";
}

/** What the fake answers: a response, or a network failure. */
export type FakeResult = FakeResponse | FakeNetworkError;

/** Options of {@link createJourneyRunsFake}. */
export interface JourneyRunsFakeOptions {
  /** The store to serve. Default: a new store made from `seed` and `clock`. */
  store?: JourneyRunsStore;
  /** Seed of the default store. */
  seed?: Seed;
  /** Clock of the default store. */
  clock?: Clock;
  /** Milliseconds to wait before answering each request of the runs path. Default 0. */
  latency?: number;
}

/** Options of {@link JourneyRunsFake.failNext}. */
export interface FailOptions {
  /** How many of the next requests fail. Default 1. */
  times?: number;
  /** The `Message` of the error. Default: the contract's example message for the status. */
  message?: string;
}

/** The fake of GetJourneyRuns, independent of any HTTP library, with the calls that tests use to break it. */
export interface JourneyRunsFake {
  readonly store: JourneyRunsStore;
  readonly clock: Clock;
  /** The next request(s) of the runs path get this documented error. */
  failNext(status: JourneyRunsErrorStatus, options?: FailOptions): void;
  /** Every request of the runs path gets this error, until `clearFaults()` or `reset()`. */
  failAlways(status: JourneyRunsErrorStatus, options?: Pick<FailOptions, "message">): void;
  /** A burst of throttling: the next `count` requests get 429 TooManyRequestsException. */
  throttle(count?: number): void;
  /** The next request(s) fail at the network level (no HTTP response at all). */
  networkErrorNext(options?: Pick<FailOptions, "times">): void;
  /** Removes every pending and permanent fault. */
  clearFaults(): void;
  /** Sets the delay before each answer, in milliseconds. */
  setLatency(ms: number): void;
  /** Resets the store, the faults and the latency to how they were created. */
  reset(): void;
  /** Answers one request; `undefined` when its path is not the runs path. */
  handle(request: FakeRequest): Promise<FakeResult | undefined>;
}

type Fault = { kind: "status"; status: JourneyRunsErrorStatus; message: string } | FakeNetworkError;

/** Pinpoint's payload quota: 7 MB per request (Pinpoint developer guide, "Quotas"). */
export const PAYLOAD_QUOTA_BYTES = 7 * 1024 * 1024;

const PREFER_CODE = /(?:^|[,;]\s*)code=([^,;\s]*)/;
const documented = [successStatus, ...ERROR_STATUSES].join(", ");

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function checkStatus(status: number): asserts status is JourneyRunsErrorStatus {
  check(
    isErrorStatus(status),
    `status must be a documented error status (${ERROR_STATUSES.join(", ")}); got ${status}.`,
  );
}

function checkTimes(times: number): void {
  check(Number.isSafeInteger(times) && times >= 1, `times must be a whole number >= 1; got ${times}.`);
}

/** Reads `Prefer: code=NNN` (as Prism users write it): a forced error, a 400 for an undocumented code, or nothing. */
function preferredError(prefer: string | null): FakeResponse | undefined {
  const code = prefer ? PREFER_CODE.exec(prefer)?.[1] : undefined;
  if (code === undefined) return undefined;
  const status = Number(code);
  if (status === successStatus && code === String(successStatus)) return undefined;
  if (isErrorStatus(status) && code === String(status)) return awsErrorResponse(status, defaultMessageOf(status));
  return awsErrorResponse(
    400,
    `Prefer: code=${quote(code).slice(1, -1)} is not a documented status of GetJourneyRuns; use one of ${documented}.`,
  );
}

/**
 * Creates the fake of GetJourneyRuns: a store plus faults and latency, answering requests as Pinpoint does.
 * MSW handlers and the `journey-runs-mock` server both call its `handle`.
 *
 * @example
 * ```ts
 * const fake = createJourneyRunsFake({ seed: 1 });
 * fake.failNext(500);
 * const result = await fake.handle({ method: "GET", path: "/v1/apps/a/journeys/j/runs", query: "", headers: new Headers() });
 * ```
 */
export function createJourneyRunsFake(options: JourneyRunsFakeOptions = {}): JourneyRunsFake {
  const storeOptions = {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const store = options.store ?? createJourneyRunsStore(storeOptions);
  const initialLatency = options.latency ?? 0;
  let latency = 0;
  let queue: { fault: Fault; remaining: number }[] = [];
  let always: Fault | undefined;

  const fake: JourneyRunsFake = {
    store,
    clock: store.clock,
    failNext(status, { times = 1, message } = {}) {
      checkStatus(status);
      checkTimes(times);
      queue.push({ fault: { kind: "status", status, message: message ?? defaultMessageOf(status) }, remaining: times });
    },
    failAlways(status, { message } = {}) {
      checkStatus(status);
      always = { kind: "status", status, message: message ?? defaultMessageOf(status) };
    },
    throttle(count = 1) {
      fake.failNext(429, { times: count });
    },
    networkErrorNext({ times = 1 } = {}) {
      checkTimes(times);
      queue.push({ fault: { kind: "network-error" }, remaining: times });
    },
    clearFaults() {
      queue = [];
      always = undefined;
    },
    setLatency(ms) {
      check(Number.isFinite(ms) && ms >= 0, `latency must be a finite number of milliseconds >= 0; got ${ms}.`);
      latency = ms;
    },
    reset() {
      store.reset();
      fake.clearFaults();
      fake.setLatency(initialLatency);
    },
    async handle(request) {
      const route = matchRunsPath(request.path);
      if (route.kind === "other") return undefined;
      if (latency > 0) await sleep(latency);
      const next = queue[0];
      if (next && --next.remaining === 0) queue.shift();
      const fault = next?.fault ?? always;
      if (fault) return fault.kind === "status" ? awsErrorResponse(fault.status, fault.message) : fault;
      const preferred = preferredError(request.headers.get("prefer"));
      if (preferred) return preferred;
      if (Number(request.headers.get("content-length") ?? 0) > PAYLOAD_QUOTA_BYTES) {
        return awsErrorResponse(413, defaultMessageOf(413));
      }
      if (request.method !== RUNS_METHOD) {
        return awsErrorResponse(405, `Method ${request.method} is not allowed on this resource`);
      }
      if (route.kind === "bad-label") {
        return awsErrorResponse(400, `${route.label} is not valid percent-encoding; encode it as RFC 3986 says.`);
      }
      return getJourneyRuns(store, route.labels, new URLSearchParams(request.query));
    },
  };
  fake.setLatency(initialLatency);
  return fake;
}
