import type { FailOptions, FaultSpec, JournalEntry, JourneyRunsScene, JourneyRunsState } from "../control-api/types.js";
import { successStatus } from "../generated/contract.js";
import { CONTROL_LIMITS } from "../generated/control-limits.js";
import { awsErrorResponse, type FakeResponse, quote, REQUEST_ID_HEADER } from "./aws-response.js";
import type { Clock } from "./clock.js";
import {
  defaultMessageOf,
  ERROR_STATUSES,
  isErrorStatus,
  type JourneyRunsErrorStatus,
  RUNS_METHOD,
} from "./contract-rules.js";
import { check } from "./errors.js";
import { Faults, forcedMessageOf, INVOCATION_ID_HEADER } from "./faults.js";
import { getJourneyRuns } from "./get-journey-runs.js";
import { DEFAULT_JOURNAL_LIMIT, Journal } from "./journal.js";
import type { Seed } from "./random.js";
import { matchRunsPath, type RouteMatch } from "./route.js";
import { applyScene, copyScene } from "./state/scene.js";
import { createJourneyRunsStore, type JourneyRunsStore } from "./store/store.js";
import { WaitingRequests } from "./waiting-requests.js";

/** A request as the fake reads it, whatever carried it (MSW, node:http). */
export interface FakeRequest {
  method: string;
  /** The raw path, still percent-encoded, without the query. */
  path: string;
  /** The raw query, without the leading `?`. */
  query: string;
  headers: { get(name: string): string | null };
  /**
   * Aborted when the client gave up on the request. Checked when the fake would answer (after the latency): an
   * aborted request is not answered and uses up no fault.
   */
  signal?: AbortSignal | undefined;
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
  store?: JourneyRunsStore | undefined;
  /** Seed of the default store. */
  seed?: Seed | undefined;
  /** Clock of the default store. */
  clock?: Clock | undefined;
  /** Milliseconds to wait before answering each request of the runs path. Default 0. */
  latency?: number | undefined;
  /** The scene to start from, and that `reset()` returns to (until `setScene` sets another). */
  scene?: JourneyRunsScene | undefined;
  /** How many answered requests the journal keeps (a ring: the oldest go first). Default 1,000; 0 turns it off. */
  journalLimit?: number | undefined;
  /** The default store's page cache (`JourneyRunsStoreOptions.pageCacheChars`). Default 262,144; 0 turns it off. */
  pageCacheChars?: number | undefined;
}

/** The fake of GetJourneyRuns, independent of any HTTP library, with the calls that tests use to break it. */
export interface JourneyRunsFake {
  readonly store: JourneyRunsStore;
  readonly clock: Clock;
  /** The scene that `reset()` returns to, if one was set. */
  readonly scene: JourneyRunsScene | undefined;
  /** The next call(s) of the runs path get this documented error, every attempt of them (see `scope`). */
  failNext(status: JourneyRunsErrorStatus, options?: FailOptions): void;
  /** Every request of the runs path gets this error, until `clearFaults()` or `reset()`. */
  failAlways(status: JourneyRunsErrorStatus, options?: Pick<FailOptions, "message">): void;
  /**
   * A burst of throttling: the next `count` requests get 429 TooManyRequestsException (scope "request" by default,
   * so a retrying client recovers when `count` is below its attempts).
   */
  throttle(count?: number, options?: Pick<FailOptions, "scope">): void;
  /** The next call(s) fail at the network level (no HTTP response at all); scope "call" by default. */
  networkErrorNext(options?: Pick<FailOptions, "times" | "scope">): void;
  /** Queues a fault given as data (the form scenes and the control plane use). */
  fault(spec: FaultSpec): void;
  /** Removes every pending and permanent fault, and forgets the calls bound to one. */
  clearFaults(): void;
  /** Sets the delay before each answer, in milliseconds. */
  setLatency(ms: number): void;
  /**
   * Resets to creation state, then applies `scene`; `reset()` returns here from now on. Throws
   * `JourneyRunsMockError` on a scene it cannot apply (and then keeps the previous scene for `reset()`).
   */
  setScene(scene: JourneyRunsScene): void;
  /** Back to the current scene (or to how the fake was created): store, faults, latency and a manual clock. */
  reset(): void;
  /** The store as JSON (see `store.dump`). */
  dump(): JourneyRunsState;
  /** Replaces the store's content with a dump; faults and latency stay (see `store.load`). */
  load(state: JourneyRunsState): void;
  /** The requests answered, oldest first (the newest `limit` of them). Queries are redacted. */
  journal(options?: { limit?: number | undefined }): JournalEntry[];
  clearJournal(): void;
  /** Answers one request; `undefined` when its path is not the runs path. */
  handle(request: FakeRequest): Promise<FakeResult | undefined>;
}

/** Pinpoint's payload quota: 7 MB per request (Pinpoint developer guide, "Quotas"). */
export const PAYLOAD_QUOTA_BYTES = 7 * 1024 * 1024;

const PREFER_CODE = /(?:^|[,;]\s*)code=([^,;\s]*)/;
const documented = [successStatus, ...ERROR_STATUSES].join(", ");

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads `Prefer: code=NNN` (as Prism users write it): a forced error, a 400 for an undocumented code, or nothing. */
function preferredError(prefer: string | null): FakeResponse | undefined {
  const code = prefer ? PREFER_CODE.exec(prefer)?.[1] : undefined;
  if (code === undefined) return undefined;
  const status = Number(code);
  if (status === successStatus && code === String(successStatus)) return undefined;
  if (isErrorStatus(status) && code === String(status)) return awsErrorResponse(status, forcedMessageOf(status));
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
    ...(options.pageCacheChars === undefined ? {} : { pageCacheChars: options.pageCacheChars }),
  };
  const store = options.store ?? createJourneyRunsStore(storeOptions);
  const initialLatency = options.latency ?? 0;
  const faults = new Faults();
  const journal = new Journal(options.journalLimit ?? DEFAULT_JOURNAL_LIMIT);
  const waiting = new WaitingRequests();
  let latency = 0;
  let scene: JourneyRunsScene | undefined;

  /** Journals a request with what it got: a status (and the response's request id), or a network error. */
  const record = (
    request: FakeRequest,
    response: Pick<FakeResponse, "status" | "headers"> | undefined,
    reason?: string,
  ) =>
    journal.record(
      store.clock.now(),
      request.method,
      request.path,
      request.query,
      request.headers,
      response === undefined ? "network-error" : response.status,
      response?.headers[REQUEST_ID_HEADER],
      reason,
    );
  const answer = (request: FakeRequest, result: FakeResult): FakeResult => {
    record(request, result.kind === "response" ? result : undefined);
    return result;
  };

  const fake: JourneyRunsFake = {
    store,
    clock: store.clock,
    get scene() {
      return scene;
    },
    failNext(status, { times, scope, message } = {}) {
      faults.add({ kind: "status", status, times, scope, message });
    },
    failAlways(status, { message } = {}) {
      faults.add({ kind: "always", status, message });
    },
    throttle(count = 1, { scope = "request" } = {}) {
      faults.add({ kind: "status", status: 429, times: count, scope });
    },
    networkErrorNext({ times, scope } = {}) {
      faults.add({ kind: "network-error", times, scope });
    },
    fault(spec) {
      faults.add(spec);
    },
    clearFaults() {
      faults.clear();
    },
    setLatency(ms) {
      check(
        typeof ms === "number" && Number.isFinite(ms) && ms >= 0 && ms <= CONTROL_LIMITS.latencyMs,
        // A longer delay would not wait: a timer of more than 2^31 - 1 ms fires at once (Node warns and uses 1 ms).
        `latency must be milliseconds from 0 to ${CONTROL_LIMITS.latencyMs} (about 24.8 days); got ${ms}.`,
      );
      latency = ms;
    },
    setScene(next) {
      const copy = copyScene(next);
      const previous = scene;
      scene = copy;
      try {
        fake.reset();
      } catch (error) {
        scene = previous;
        fake.reset();
        throw error;
      }
    },
    reset() {
      store.reset();
      faults.clear();
      fake.setLatency(initialLatency);
      if (scene) applyScene(fake, scene);
    },
    dump: () => store.dump(),
    load(state) {
      store.load(state);
    },
    journal: ({ limit } = {}) => journal.entries(limit),
    clearJournal() {
      journal.clear();
    },
    async handle(request) {
      return now(request);
    },
  };

  /** What the fake answers after its latency (`superseded`: another call repeated this request meanwhile). */
  const decide = (request: FakeRequest, route: RunsRoute, superseded: boolean): FakeResult => {
    // A request the client gave up on gets no answer and uses up no fault (StrictMode's first fetch, a timeout).
    if (request.signal?.aborted) return { kind: "network-error" };
    if (!faults.idle) {
      const callId = request.headers.get(INVOCATION_ID_HEADER);
      // Where aborts cannot be seen (msw/browser's service worker), a request repeated by another call while it
      // waited is taken as abandoned: it keeps a fault already bound to its call but uses up none.
      const fault = superseded ? faults.boundTo(callId) : faults.take(callId);
      if (fault) {
        return answer(request, fault.kind === "status" ? awsErrorResponse(fault.status, fault.message) : fault);
      }
    }
    return answer(request, respond(store, request, route));
  };

  const delayed = async (request: FakeRequest, route: RunsRoute): Promise<FakeResult> => {
    const ticket = faults.idle ? undefined : waiting.arrive(request);
    await sleep(latency);
    return decide(request, route, ticket !== undefined && waiting.leave(ticket));
  };

  /** The answer at once when there is no latency to wait (no promise, no microtask), else its promise. */
  const now = (request: FakeRequest): FakeResult | undefined | Promise<FakeResult> => {
    const route = matchRunsPath(request.path);
    if (route.kind === "other") return undefined;
    return latency > 0 ? delayed(request, route) : decide(request, route, false);
  };
  answersNow.set(fake, now);
  refusalJournals.set(fake, record);
  fake.setLatency(initialLatency);
  if (options.scene !== undefined) fake.setScene(options.scene);
  return fake;
}

type RunsRoute = Exclude<RouteMatch, { kind: "other" }>;

const answersNow = new WeakMap<
  JourneyRunsFake,
  (request: FakeRequest) => FakeResult | undefined | Promise<FakeResult>
>();

const refusalJournals = new WeakMap<
  JourneyRunsFake,
  (request: FakeRequest, response: { status: number; headers: Record<string, string> }, reason: string) => void
>();

/**
 * Records in the fake's journal a request that the server in front of it refused before the fake saw it (a SigV4
 * refusal), with the answer it got and why, so that a test reading the journal sees the refused attempt too.
 */
export function journalRefusal(
  fake: JourneyRunsFake,
  request: FakeRequest,
  response: { status: number; headers: Record<string, string> },
  reason: string,
): void {
  refusalJournals.get(fake)?.(request, response, reason);
}

/**
 * `fake.handle(request)` without its promise when the fake can answer at once (no latency): what a server calls per
 * request. A fake not made by {@link createJourneyRunsFake} (a wrapper) is asked through its `handle`.
 */
export function answerNow(
  fake: JourneyRunsFake,
  request: FakeRequest,
): FakeResult | undefined | Promise<FakeResult | undefined> {
  const now = answersNow.get(fake);
  return now ? now(request) : fake.handle(request);
}

/** The answer of the fake when no fault applies. */
function respond(store: JourneyRunsStore, request: FakeRequest, route: RunsRoute): FakeResponse {
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
}
