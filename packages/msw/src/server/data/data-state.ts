import type { JourneyRun } from "@journey-runs/types";
import type { JourneyRunsState, JourneyRunsStateJourney } from "../../control-api/types.js";
import { CheckedRuns, type CheckedState, vouchForState } from "../../core/state/checked-state.js";
import { STATE_FORMAT, STATE_VERSION } from "../../core/state/state.js";
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
 * The state of the data read, frozen and vouched for (see `vouchForState`): the loader checked every run against the
 * rules `parseState` applies (`core/run-rules.ts`), so loading it takes the runs made while reading instead of
 * checking them again. Its journeys' `runs` are made in wire shape only when read.
 */
export function checkedDataState(journeys: Iterable<ReadJourney>, now: number, nowText: string): JourneyRunsState {
  const apps = grouped(journeys);
  const checked: CheckedState = {
    now,
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
    now: nowText,
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
