import type { JourneyRunsResponse } from "@journey-runs/types";
import type { JourneyRunsState } from "../../control-api/types.js";
import { examples } from "../../generated/contract.js";
import { type Clock, createManualClock, isManualClock } from "../clock.js";
import { EXAMPLE_IDS } from "../contract-rules.js";
import { JourneyRunsMockError } from "../errors.js";
import { createRandom, type Random, type Seed } from "../random.js";
import type { CheckedState } from "../state/checked-state.js";
import { type ParsedState, parseState, STATE_FORMAT, STATE_VERSION } from "../state/state.js";
import { createTokenCodec, deriveTokenSecret } from "../tokens/page-token.js";
import { Journey, type JourneyContext, type JourneyHandle, toWire, toWireJson } from "./journey.js";
import { PAGE_CACHE_CHARS, PageCache } from "./page-cache.js";
import { tokenOf } from "./run-index.js";
import { RunSchedule } from "./schedule.js";

/** Options of {@link createJourneyRunsStore}. */
export interface JourneyRunsStoreOptions {
  /** Makes generated ids, runs and page tokens deterministic. Default `1`. */
  seed?: Seed | undefined;
  /** Where the store reads the time. Default: a manual clock at 2026-01-01T00:00:00Z that only tests move. */
  clock?: Clock | undefined;
  /** Whether to start with the official AWS example journey and its two runs. Default `true`. */
  example?: boolean | undefined;
  /** The secret that signs page tokens. Default: derived from the seed. */
  tokenSecret?: string | undefined;
  /** Shapes the data; runs after the example is added, at creation and after every `reset()`. */
  setup?: ((store: JourneyRunsStore) => void) | undefined;
  /**
   * Characters of page text kept to answer a page read again without assembling it (only while its runs are
   * unchanged). Default 262,144 (256 Ki); 0 turns the cache off.
   */
  pageCacheChars?: number | undefined;
}

/** A page (as data, and as the exact JSON text of its body), or why there is none. */
export type PageOutcome =
  | { ok: true; readonly body: JourneyRunsResponse; json: string }
  | { ok: false; status: 400 | 404; message: string };

/** A page found: its JSON text, parsed back into `body` only when someone reads it. */
class Page {
  readonly ok = true;
  #body: JourneyRunsResponse | undefined;

  constructor(readonly json: string) {}

  get body(): JourneyRunsResponse {
    this.#body ??= JSON.parse(this.json) as JourneyRunsResponse;
    return this.#body;
  }
}

/** The in-memory state of the fake: applications, their journeys and the runs of each. */
export interface JourneyRunsStore {
  readonly clock: Clock;
  readonly seed: Seed;
  /** The official example journey, unless the store was made with `example: false`. */
  readonly example: JourneyHandle | undefined;
  /** Adds an application with no journeys (idempotent). */
  addApplication(applicationId: string): void;
  /** Adds a journey, and its application if needed; returns the existing journey if there is one. */
  addJourney(applicationId: string, journeyId: string): JourneyHandle;
  /** A journey that exists; throws `JourneyRunsMockError` (UNKNOWN_JOURNEY) otherwise. */
  journey(applicationId: string, journeyId: string): JourneyHandle;
  hasApplication(applicationId: string): boolean;
  hasJourney(applicationId: string, journeyId: string): boolean;
  removeApplication(applicationId: string): boolean;
  removeJourney(applicationId: string, journeyId: string): boolean;
  /** One page of runs, as GetJourneyRuns answers it (page-size already validated). */
  page(applicationId: string, journeyId: string, pageSize: number, token?: string): PageOutcome;
  /** Back to the state after creation: example, seed, clock (if the store made it) and `setup`. */
  reset(): void;
  /** The whole content as JSON: every application, journey and run (wire shape, page order), and the clock's time. */
  dump(): JourneyRunsState;
  /**
   * Replaces the whole content with a dump (checked completely first: on a problem it throws `JourneyRunsMockError`
   * INVALID_STATE naming the JSON pointer, and the store is unchanged). A manual clock is set to the dump's `now`.
   */
  load(state: JourneyRunsState): void;
}

/**
 * Creates the in-memory store of the fake. Deterministic for a seed: the same seed and calls give the same ids,
 * runs and tokens.
 *
 * @example
 * ```ts
 * const store = createJourneyRunsStore({ seed: 7 });
 * store.example?.addRuns(100);
 * const journey = store.addJourney("app", "journey");
 * journey.scheduleRun({ startsIn: 1_000, runsFor: 5_000 });
 * ```
 */
export function createJourneyRunsStore(options: JourneyRunsStoreOptions = {}): JourneyRunsStore {
  const seed = options.seed ?? 1;
  const ownClock = options.clock ? undefined : createManualClock();
  const clock = options.clock ?? (ownClock as Clock);
  const codec = createTokenCodec(deriveTokenSecret(options.tokenSecret ?? `seed:${String(seed)}`));
  const apps = new Map<string, Map<string, Journey>>();
  const schedule = new RunSchedule(() => clock.now());
  let random: Random = createRandom(seed);
  const pages = new PageCache(options.pageCacheChars ?? PAGE_CACHE_CHARS);
  const context: JourneyContext = { now: schedule.now, random: () => random, schedule };

  /** Replaces the whole content with a checked state. */
  const loadParsed = (parsed: ParsedState): void => {
    pages.clear();
    apps.clear();
    schedule.clear();
    if (isManualClock(clock)) clock.set(parsed.now);
    for (const { applicationId, journeys } of parsed.applications) {
      store.addApplication(applicationId);
      for (const { journeyId, runs, byId } of journeys)
        (store.addJourney(applicationId, journeyId) as Journey).load(runs, byId);
    }
  };

  const store: JourneyRunsStore = {
    clock,
    seed,
    get example() {
      return apps.get(EXAMPLE_IDS.applicationId)?.get(EXAMPLE_IDS.journeyId);
    },
    addApplication(applicationId) {
      if (!apps.has(applicationId)) apps.set(applicationId, new Map());
    },
    addJourney(applicationId, journeyId) {
      store.addApplication(applicationId);
      const journeys = apps.get(applicationId) as Map<string, Journey>;
      let journey = journeys.get(journeyId);
      if (!journey) {
        journey = new Journey(applicationId, journeyId, context);
        journeys.set(journeyId, journey);
      }
      return journey;
    },
    journey(applicationId, journeyId) {
      const journey = apps.get(applicationId)?.get(journeyId);
      if (!journey) {
        throw new JourneyRunsMockError(
          "UNKNOWN_JOURNEY",
          `No journey ${journeyId} in application ${applicationId}; create it with store.addJourney(applicationId, journeyId).`,
        );
      }
      return journey;
    },
    hasApplication: (applicationId) => apps.has(applicationId),
    hasJourney: (applicationId, journeyId) => apps.get(applicationId)?.has(journeyId) ?? false,
    removeApplication(applicationId) {
      pages.clear();
      for (const journey of apps.get(applicationId)?.values() ?? []) journey.clear();
      return apps.delete(applicationId);
    },
    removeJourney(applicationId, journeyId) {
      pages.clear();
      apps.get(applicationId)?.get(journeyId)?.clear();
      return apps.get(applicationId)?.delete(journeyId) ?? false;
    },
    page(applicationId, journeyId, pageSize, token) {
      const position = token === undefined ? undefined : codec.decode(applicationId, journeyId, token);
      if (token !== undefined && !position) {
        return {
          ok: false,
          status: 400,
          message:
            "The token is not a NextToken that this service issued for this journey. Pass NextToken back unchanged, or omit token for the first page.",
        };
      }
      const journeys = apps.get(applicationId);
      if (!journeys) return { ok: false, status: 404, message: "Application not found" };
      const journey = journeys.get(journeyId);
      if (!journey) return { ok: false, status: 404, message: "Journey not found" };
      schedule.settle();
      const { index } = journey;
      const start = index.startOf(position);
      let json = pages.get(index, start, pageSize);
      if (json === undefined) {
        const { runs, more } = index.page(position, pageSize);
        const last = runs[runs.length - 1];
        let nextToken: string | undefined;
        if (more && last) {
          nextToken = tokenOf(last, (run) => codec.encode(applicationId, journeyId, run));
        }
        // The body text is assembled from each run's cached JSON; `body` parses it back only when someone reads it.
        json = `{"Item":[${runs.map(toWireJson).join(",")}]${nextToken === undefined ? "" : `,"NextToken":"${nextToken}"`}}`;
        pages.set(index, start, pageSize, json);
      }
      return new Page(json);
    },
    dump() {
      schedule.settle();
      return {
        format: STATE_FORMAT,
        version: STATE_VERSION,
        now: new Date(clock.now()).toISOString(),
        applications: [...apps].map(([applicationId, journeys]) => ({
          applicationId,
          journeys: [...journeys].map(([journeyId, journey]) => ({ journeyId, runs: journey.index.all().map(toWire) })),
        })),
      };
    },
    load: (state) => loadParsed(parseState(state)),
    reset() {
      pages.clear();
      apps.clear();
      schedule.clear();
      random = createRandom(seed);
      if (ownClock) ownClock.set(createManualClock().now());
      if (options.example !== false) addOfficialExample(store);
      options.setup?.(store);
    },
  };
  Object.defineProperty(store, LOAD_PARSED, { value: loadParsed });
  store.reset();
  return store;
}

/** The store's loader of a checked state: a property only this module names, so not part of the public store. */
const LOAD_PARSED = Symbol("loadParsed");

/**
 * Loads runs that the `--data` loader checked against the run rules as it read them, without checking them again
 * (docs/decisions/0018-data-load-one-pass.md): the first load takes over the runs made while reading.
 */
export function loadChecked(store: JourneyRunsStore, checked: CheckedState): void {
  const load = (store as { [LOAD_PARSED]?: (parsed: ParsedState) => void })[LOAD_PARSED];
  if (load === undefined) throw new TypeError("loadChecked takes a store made by createJourneyRunsStore");
  load({
    now: checked.now,
    applications: checked.applications.map(({ applicationId, journeys }) => ({
      applicationId,
      journeys: journeys.map(({ journeyId, runs }) => ({ journeyId, ...runs.take() })),
    })),
  });
}

/** Adds the official AWS example journey with its two runs, unless the store has that journey already. */
export function addOfficialExample(store: JourneyRunsStore): JourneyHandle {
  if (store.example) return store.example;
  const example = store.addJourney(EXAMPLE_IDS.applicationId, EXAMPLE_IDS.journeyId);
  for (const run of examples.official.Item) {
    example.addRun({
      runId: run.RunId,
      status: run.Status,
      creationTime: run.CreationTime,
      lastUpdateTime: run.LastUpdateTime,
    });
  }
  return example;
}
