/**
 * The typed client of the `journey-runs-mock` control plane, generated from its contract
 * (`openapi/journey-runs-mock-control.yaml`) with openapi-fetch. Browser-safe.
 *
 * @example
 * ```ts
 * import { connectJourneyRunsControl } from "@journey-runs/msw/control";
 * const control = connectJourneyRunsControl("http://127.0.0.1:4010", { token: process.env.MOCK_TOKEN });
 * await control.setScene({ example: false, journeys: [{ applicationId: "a", journeyId: "j", runs: 3 }] });
 * ```
 * @packageDocumentation
 */

export type {
  FailOptions,
  FaultScope,
  FaultSpec,
  JournalEntry,
  JourneyRunsControl,
  JourneyRunsScene,
  JourneyRunsState,
  SceneJourney,
} from "../control-api/types.js";
export type { ConnectOptions } from "./connect.js";
export { connectJourneyRunsControl } from "./connect.js";
export type { ControlErrorBody, JourneyRunsControlErrorCode } from "./errors.js";
export { JourneyRunsControlError } from "./errors.js";
