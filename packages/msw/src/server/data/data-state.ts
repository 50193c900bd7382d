import { CheckedRuns, type CheckedState } from "../../core/state/checked-state.js";
import type { RunsRead } from "./data-runs.js";

/** The runs the data files gave one journey, in the order they were read. */
export interface ReadJourney {
  readonly applicationId: string;
  readonly journeyId: string;
  readonly runs: RunsRead;
}

/**
 * The data read as a checked state: journeys grouped by application, in the order each was first read. The loader
 * checked every run against the run rules (`core/run-rules.ts`) as it read them, so a store loads them with
 * `loadChecked`, taking over the runs made while reading instead of checking them again.
 */
export function checkedDataState(journeys: Iterable<ReadJourney>, now: number): CheckedState {
  const applications = new Map<string, { applicationId: string; journeys: ReadJourney[] }>();
  for (const journey of journeys) {
    let app = applications.get(journey.applicationId);
    if (app === undefined) {
      app = { applicationId: journey.applicationId, journeys: [] };
      applications.set(journey.applicationId, app);
    }
    app.journeys.push(journey);
  }
  return {
    now,
    applications: [...applications.values()].map((app) => ({
      applicationId: app.applicationId,
      journeys: app.journeys.map(({ journeyId, runs }) => ({
        journeyId,
        runs: new CheckedRuns(runs.stored, runs.byId),
      })),
    })),
  };
}
