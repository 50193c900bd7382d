import { JOURNEY_RUN_STATUSES, type JourneyRunStatus, type JourneyRunsErrorType } from "@journey-runs/types";
import { errors, operation, parameters, responses, successStatus } from "../generated/contract.js";

/** The statuses of the documented errors of GetJourneyRuns: 400, 403, 404, 405, 413, 429 and 500. */
export type JourneyRunsErrorStatus = {
  [K in keyof typeof errors]: K extends `${infer N extends number}` ? N : K;
}[keyof typeof errors];

/** The path template of GetJourneyRuns, as the contract writes it. */
export const RUNS_PATH_TEMPLATE: typeof operation.path = operation.path;

/** The only method the contract documents on the runs path. */
export const RUNS_METHOD: typeof operation.method = operation.method;

/** The run statuses, in the contract's order (generated once, in `@journey-runs/types`). */
export const RUN_STATUSES: readonly JourneyRunStatus[] = JOURNEY_RUN_STATUSES;

/** The documented error statuses, ascending. */
export const ERROR_STATUSES: readonly JourneyRunsErrorStatus[] = Object.keys(errors).map(
  Number,
) as JourneyRunsErrorStatus[];

/** The limits of `page-size`: whole numbers from `minimum` to `maximum`, `default` when absent. */
export const PAGE_SIZE = parameters["page-size"].schema;

/** The longest accepted `token`. */
export const TOKEN_MAX_LENGTH: number = parameters.token.schema.maxLength;

/** The path labels of the runs path with their limits, by wire name. */
export const PATH_LABELS = {
  "application-id": parameters["application-id"],
  "journey-id": parameters["journey-id"],
} as const;

/** The application and journey of the official AWS example, from the contract's parameter examples. */
export const EXAMPLE_IDS = {
  applicationId: parameters["application-id"].example,
  journeyId: parameters["journey-id"].example,
} as const;

/** Whether `status` is one of the documented error statuses. */
export function isErrorStatus(status: number): status is JourneyRunsErrorStatus {
  return Object.hasOwn(errors, status);
}

/** The AWS error type (`X-Amzn-ErrorType`) of a documented error status. */
export function errorTypeOf(status: JourneyRunsErrorStatus): JourneyRunsErrorType {
  return errors[status].type;
}

/** The message of the contract's example for a documented error status. */
export function defaultMessageOf(status: JourneyRunsErrorStatus): string {
  return errors[status].message;
}

interface RunItemSchema {
  properties: {
    RunId: { minLength: number; maxLength: number };
    CreationTime: { maxLength: number };
  };
}

const RUN_ITEM = (
  (responses[successStatus] as { schema: unknown }).schema as { properties: { Item: { items: RunItemSchema } } }
).properties.Item.items.properties;

/** The limits of a run's fields in a page, from the contract: `RunId` length, and the longest time string. */
export const RUN_LIMITS = {
  runId: { minLength: RUN_ITEM.RunId.minLength, maxLength: RUN_ITEM.RunId.maxLength },
  timeMaxLength: RUN_ITEM.CreationTime.maxLength,
} as const;
