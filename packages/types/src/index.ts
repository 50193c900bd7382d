/**
 * Types of Amazon Pinpoint GetJourneyRuns, generated from `openapi/journey-runs.yaml`.
 *
 * @example
 * ```ts
 * import type { JourneyRunsResponse } from "@journey-runs/types";
 * const page: JourneyRunsResponse = { Item: [] };
 * ```
 * @packageDocumentation
 */
import type { components, operations, paths } from "./generated/schema.js";

/** The run statuses of the contract, in its order (`SCHEDULED`, `RUNNING`, `COMPLETED`, `CANCELLED`): generated, not retyped. */
/** The seven AWS error types of the contract, in its order: generated, not retyped. */
export {
  errorTypeValues as JOURNEY_RUNS_ERROR_TYPES,
  journeyRunStatusValues as JOURNEY_RUN_STATUSES,
} from "./generated/schema.js";
export type { components, operations, paths };

/** The schemas of the contract, by name. */
type Schemas = components["schemas"];

/** One run of a journey: its id, status and the times it was created and last changed. */
export type JourneyRun = Schemas["JourneyRunResponse"];

/** The status of a run: `SCHEDULED`, `RUNNING`, `COMPLETED` or `CANCELLED`. */
export type JourneyRunStatus = Schemas["JourneyRunStatus"];

/** One page of runs: `Item`, and `NextToken` unless this is the last page. */
export type JourneyRunsResponse = Schemas["JourneyRunsResponse"];

/** The body of every error: `{ Message, RequestID }`. */
export type MessageBody = Schemas["MessageBody"];

/** The seven AWS error types that GetJourneyRuns documents. */
export type JourneyRunsErrorType = Schemas["ErrorType"];

/** The operation `GetJourneyRuns` as openapi-typescript describes it (parameters and responses). */
export type GetJourneyRunsOperation = operations["GetJourneyRuns"];

/** The path and query parameters of GetJourneyRuns, with their wire names (`application-id`, `page-size`, ...). */
export type GetJourneyRunsParameters = GetJourneyRunsOperation["parameters"];

/** The path template of GetJourneyRuns. */
export type GetJourneyRunsPath = "/v1/apps/{application-id}/journeys/{journey-id}/runs";
