import type { JourneyRunsState } from "../../control-api/types.js";
import { createJourneyRunsFake, type JourneyRunsFake } from "../../core/fake.js";
import type { Seed } from "../../core/random.js";
import type { CheckedState } from "../../core/state/checked-state.js";
import type { Journey } from "../../core/store/journey.js";
import { createJourneyRunsStore, type JourneyRunsStore, loadChecked } from "../../core/store/store.js";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";
import { type DataSummary, readData } from "./data-files.js";

/** What `startMockServer` needs to build the fake of a server or of a tenant. */
export interface FakeRecipe {
  seed?: Seed | undefined;
  runs?: number | undefined;
  latency?: number | undefined;
  /** The store's page cache; default 262,144 characters (the single server), 32,768 for tenants (decision 0020). */
  pageCacheChars?: number | undefined;
}

/** Data a server starts with: a state given in code (checked at every load), or what the `--data` loader checked. */
export type ServerData =
  | { readonly state: JourneyRunsState }
  | { readonly checked: CheckedState; readonly summary?: DataSummary | undefined };

/** Loads the server's data into a store (at creation, on every reset, in every tenant). */
export function loadData(store: JourneyRunsStore, data: ServerData): void {
  if ("state" in data) store.load(data.state);
  else loadChecked(store, data.checked);
}

/**
 * Makes the fake of a server or tenant from the seed, with the data as part of the creation state that `reset()`
 * returns to, then `runs` finished runs on the example journey (as before data files existed: not kept by reset).
 * The `--data` runs are shared by every fake made from the same data (copied only by a fake that changes them);
 * what a fake writes is bounded by the control contract's `x-max-runs`, on top of the `runs` asked at start.
 */
export function createServerFake(recipe: FakeRecipe, data: ServerData | undefined): JourneyRunsFake {
  const store = createJourneyRunsStore({
    ...(recipe.seed === undefined ? {} : { seed: recipe.seed }),
    ...(data ? { setup: (s: JourneyRunsStore) => loadData(s, data) } : {}),
    maxRuns: CONTROL_LIMITS.storeRuns + (recipe.runs ?? 0) + ownedRunsOf(data),
    ...(recipe.pageCacheChars === undefined ? {} : { pageCacheChars: recipe.pageCacheChars }),
  });
  const fake = createJourneyRunsFake({ store, ...(recipe.latency === undefined ? {} : { latency: recipe.latency }) });
  // Made without their wire form: a server may start with a million runs.
  if (recipe.runs) (fake.store.example as Journey | undefined)?.addGenerated(recipe.runs);
  return fake;
}

/**
 * The runs of a start state that its stores will own: none for `--data` (checked once and shared by every store),
 * all for a state given as an object (each store loads its own copy). They are the operator's choice, not writes of
 * the control plane, so they come on top of the store's bound.
 */
function ownedRunsOf(data: ServerData | undefined): number {
  if (data === undefined || !("state" in data)) return 0;
  const { applications } = data.state;
  if (!Array.isArray(applications)) return 0;
  let runs = 0;
  for (const app of applications) {
    for (const journey of Array.isArray(app?.journeys) ? app.journeys : []) {
      if (Array.isArray(journey?.runs)) runs += journey.runs.length;
    }
  }
  return runs;
}

/** Reads `data` (paths are read now, so a bad file stops the server before it listens). */
export function resolveData(data: JourneyRunsState | readonly string[] | undefined): ServerData | undefined {
  if (data === undefined) return undefined;
  if (Array.isArray(data)) return data.length === 0 ? undefined : readData(data as readonly string[]);
  return { state: data as JourneyRunsState };
}
