import type { JourneyRunsResponse } from "@journey-runs/types";
import type { JourneyRunsState } from "../../control-api/types.js";
import { examples } from "../../generated/contract.js";
import { type Clock, createManualClock, isManualClock } from "../clock.js";
import { EXAMPLE_IDS } from "../contract-rules.js";
import { check, JourneyRunsMockError } from "../errors.js";
import { createRandom, type Random, type Seed } from "../random.js";
import { STATE_LIMITS } from "../run-rules.js";
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
  /**
   * The most runs the store holds of its own (runs it made, added, loaded or copied to change them; runs shared from
   * a `--data` state are not counted). Adding past it throws LIMIT_EXCEEDED before any run is made. Default
   * 10,000,000 (the most a state may hold); `journey-runs-mock` gives each store the control contract's bound.
   */
  maxRuns?: number | undefined;
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
  /** How many runs the store holds (its own and shared ones); O(journeys). */
  readonly size: number;
  /** The page cache's bound in characters (`pageCacheChars`); 0 when the cache is off. */
  readonly pageCacheChars: number;
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
  const maxRuns = options.maxRuns ?? STATE_LIMITS.runs;
  check(Number.isSafeInteger(maxRuns) && maxRuns >= 0, `maxRuns must be a whole number >= 0; got ${maxRuns}.`);
  /** Runs of the store's own (see `maxRuns`), and journeys over all applications. */
  let owned = 0;
  let journeyCount = 0;
  // Stores with the same token key may share a --data state's runs (a run caches its NextToken, signed with it).
  const shareKey = `${options.tokenSecret === undefined ? "seed" : "secret"}:${options.tokenSecret ?? String(seed)}`;
  const context: JourneyContext = {
    now: schedule.now,
    random: () => random,
    schedule,
    claim(count) {
      if (owned + count > maxRuns) {
        throw new JourneyRunsMockError(
          "LIMIT_EXCEEDED",
          `This store holds ${owned} runs of its own and may hold at most ${maxRuns}; adding ${count} more would pass that. Remove runs or reset first.`,
        );
      }
      owned += count;
    },
    release(count) {
      owned = Math.max(0, owned - count);
    },
  };

  /** Replaces the whole content with a checked state. */
  const loadParsed = (parsed: ParsedState): void => {
    clearAll();
    if (isManualClock(clock)) clock.set(parsed.now);
    for (const { applicationId, journeys } of parsed.applications) {
      store.addApplication(applicationId);
      for (const { journeyId, runs, byId } of journeys)
        (store.addJourney(applicationId, journeyId) as Journey).load(runs, byId);
    }
  };

  /**
   * Replaces the whole content with runs the `--data` loader checked: they are shared, not copied, by every store
   * with this store's token key (see Journey.share); a store with another key loads its own copy.
   */
  const loadCheckedState = (checked: CheckedState): void => {
    clearAll();
    if (isManualClock(clock)) clock.set(checked.now);
    for (const { applicationId, journeys } of checked.applications) {
      store.addApplication(applicationId);
      for (const { journeyId, runs } of journeys) {
        const journey = store.addJourney(applicationId, journeyId) as Journey;
        const shared = runs.shared(shareKey);
        if (shared !== undefined) journey.share(shared);
        else {
          const own = runs.take();
          journey.load(own.runs, own.byId);
        }
      }
    }
  };

  const store: JourneyRunsStore = {
    clock,
    seed,
    get example() {
      return apps.get(EXAMPLE_IDS.applicationId)?.get(EXAMPLE_IDS.journeyId);
    },
    pageCacheChars: pages.maxChars,
    get size() {
      let total = 0;
      for (const journeys of apps.values()) for (const journey of journeys.values()) total += journey.size;
      return total;
    },
    addApplication(applicationId) {
      if (apps.has(applicationId)) return;
      if (apps.size >= STATE_LIMITS.applications) {
        throw new JourneyRunsMockError(
          "LIMIT_EXCEEDED",
          `The store holds ${STATE_LIMITS.applications} applications, its bound; remove one before adding ${applicationId.slice(0, 64)}.`,
        );
      }
      apps.set(applicationId, new Map());
    },
    addJourney(applicationId, journeyId) {
      store.addApplication(applicationId);
      const journeys = apps.get(applicationId) as Map<string, Journey>;
      let journey = journeys.get(journeyId);
      if (!journey) {
        if (journeys.size >= STATE_LIMITS.journeys || journeyCount >= STATE_LIMITS.totalJourneys) {
          throw new JourneyRunsMockError(
            "LIMIT_EXCEEDED",
            journeyCount >= STATE_LIMITS.totalJourneys
              ? `The store holds ${STATE_LIMITS.totalJourneys} journeys, its bound; remove one first.`
              : `Application ${applicationId.slice(0, 64)} holds ${STATE_LIMITS.journeys} journeys, its bound; remove one first.`,
          );
        }
        journeyCount++;
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
          `No journey ${journeyId} in application ${applicationId}; create it with PUT /_journey-runs-mock/apps/${encodeURIComponent(applicationId)}/journeys/${encodeURIComponent(journeyId)}.`,
        );
      }
      return journey;
    },
    hasApplication: (applicationId) => apps.has(applicationId),
    hasJourney: (applicationId, journeyId) => apps.get(applicationId)?.has(journeyId) ?? false,
    removeApplication(applicationId) {
      pages.clear();
      const journeys = apps.get(applicationId);
      for (const journey of journeys?.values() ?? []) journey.clear();
      journeyCount -= journeys?.size ?? 0;
      return apps.delete(applicationId);
    },
    removeJourney(applicationId, journeyId) {
      pages.clear();
      apps.get(applicationId)?.get(journeyId)?.clear();
      const removed = apps.get(applicationId)?.delete(journeyId) ?? false;
      if (removed) journeyCount--;
      return removed;
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
    load(state) {
      const parsed = parseState(state);
      let total = 0;
      for (const app of parsed.applications) for (const journey of app.journeys) total += journey.runs.length;
      if (total > maxRuns) {
        throw new JourneyRunsMockError(
          "LIMIT_EXCEEDED",
          `The state holds ${total} runs; this store may hold at most ${maxRuns}. Nothing was loaded.`,
        );
      }
      loadParsed(parsed);
    },
    reset() {
      clearAll();
      random = createRandom(seed);
      if (ownClock) ownClock.set(createManualClock().now());
      if (options.example !== false) addOfficialExample(store);
      options.setup?.(store);
    },
  };
  /** Empties the store: no run, no plan, no page, no room taken. */
  function clearAll(): void {
    pages.clear();
    apps.clear();
    schedule.clear();
    owned = 0;
    journeyCount = 0;
  }

  Object.defineProperty(store, LOAD_CHECKED, { value: loadCheckedState });
  store.reset();
  return store;
}

/** The store's loader of a checked state: a property only this module names, so not part of the public store. */
const LOAD_CHECKED = Symbol("loadChecked");

/**
 * Loads runs that the `--data` loader checked against the run rules as it read them, without checking them again
 * (docs/decisions/0018-data-load-one-pass.md): the runs made while reading become one index that every store with
 * the same token key shares (each tenant, each reset), copied only by a journey that changes them.
 */
export function loadChecked(store: JourneyRunsStore, checked: CheckedState): void {
  const load = (store as { [LOAD_CHECKED]?: (checked: CheckedState) => void })[LOAD_CHECKED];
  if (load === undefined) throw new TypeError("loadChecked takes a store made by createJourneyRunsStore");
  load(checked);
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
