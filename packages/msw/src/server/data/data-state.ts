import type { JourneyRun } from "@journey-runs/types";
import type { JourneyRunsState, JourneyRunsStateJourney } from "../../control-api/types.js";
import { PATH_LABELS, RUN_LIMITS } from "../../core/contract-rules.js";
import { isoTimeMs } from "../../core/iso-time.js";
import { CheckedRuns, type CheckedState, vouchForState } from "../../core/state/checked-state.js";
import { STATE_FORMAT, STATE_LIMITS, STATE_VERSION } from "../../core/state/state.js";
import type { RunsRead } from "./data-runs.js";

/** The runs the data files gave one journey, in the order they were read. */
export interface ReadJourney {
  readonly applicationId: string;
  readonly journeyId: string;
  readonly runs: RunsRead;
}

/** The journeys grouped by application, in the order each application and journey was first read. */
function grouped<J extends ReadJourney>(journeys: Iterable<J>): { applicationId: string; journeys: J[] }[] {
  const applications = new Map<string, { applicationId: string; journeys: J[] }>();
  for (const journey of journeys) {
    let app = applications.get(journey.applicationId);
    if (app === undefined) {
      app = { applicationId: journey.applicationId, journeys: [] };
      applications.set(journey.applicationId, app);
    }
    app.journeys.push(journey);
  }
  return [...applications.values()];
}

/** The state of data read with the parsed runs kept (`keepWire`): `parseState` checks it in full when loaded. */
export function wireDataState(journeys: Iterable<ReadJourney>, now: string): JourneyRunsState {
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    now,
    applications: grouped(journeys).map((app) => ({
      applicationId: app.applicationId,
      journeys: app.journeys.map(({ journeyId, runs }) => ({ journeyId, runs: runs.wire ?? [] })),
    })),
  };
}

const within = (id: string, limits: { minLength: number; maxLength: number }) =>
  id.length >= limits.minLength && id.length <= limits.maxLength;

/** A journey of the state whose `runs` are made in wire shape only when read (loading never reads them). */
function lazyJourney(journeyId: string, runs: CheckedRuns): JourneyRunsStateJourney {
  let wire: JourneyRun[] | undefined;
  return Object.freeze({
    journeyId,
    get runs() {
      wire ??= Object.freeze(runs.wire().map((run) => Object.freeze(run))) as JourneyRun[];
      return wire;
    },
  });
}

/**
 * The state of data read without its parsed runs, frozen and vouched for (see `vouchForState`), when every rule
 * of `parseState` holds for it: the same answer `parseState` would give is then made from the columns. `undefined`
 * when a rule does not hold (or might not): the caller then reads the data again with the parsed runs kept.
 */
export function checkedDataState(journeys: Iterable<ReadJourney>, now: string): JourneyRunsState | undefined {
  const nowMs = now.length <= RUN_LIMITS.timeMaxLength ? isoTimeMs(now) : Number.NaN;
  if (!Number.isFinite(nowMs)) return undefined;
  const apps = grouped(journeys);
  if (apps.length > STATE_LIMITS.applications) return undefined;
  let total = 0;
  for (const app of apps) {
    if (!within(app.applicationId, PATH_LABELS["application-id"].schema)) return undefined;
    if (app.journeys.length > STATE_LIMITS.journeys) return undefined;
    for (const { journeyId, runs } of app.journeys) {
      total += runs.stored.length;
      if (!runs.exact || !within(journeyId, PATH_LABELS["journey-id"].schema)) return undefined;
    }
  }
  if (total > STATE_LIMITS.runs) return undefined;
  const checked: CheckedState = {
    now: nowMs,
    applications: apps.map((app) => ({
      applicationId: app.applicationId,
      journeys: app.journeys.map(({ journeyId, runs }) => ({
        journeyId,
        runs: new CheckedRuns(runs.stored, runs.byId),
      })),
    })),
  };
  const state: JourneyRunsState = Object.freeze({
    format: STATE_FORMAT,
    version: STATE_VERSION,
    now,
    applications: Object.freeze(
      checked.applications.map((app) =>
        Object.freeze({
          applicationId: app.applicationId,
          journeys: Object.freeze(app.journeys.map(({ journeyId, runs }) => lazyJourney(journeyId, runs))),
        }),
      ),
    ),
  }) as JourneyRunsState;
  vouchForState(state, checked);
  return state;
}
