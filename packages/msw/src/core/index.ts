/**
 * The fake of GetJourneyRuns without MSW: the in-memory store, the framework-free fake (`handle(request)`), its
 * control operations, scenes, dumps and the journal, and the protocol constants of the wire (header names, quotas,
 * the dump format) for custom adapters. Nothing under this entry imports `msw`, so the
 * `journey-runs-mock` server and custom adapters (an Express route, a Service Worker of your own) can use it
 * without installing MSW.
 *
 * @example
 * ```ts
 * import { createJourneyRunsFake, createLocalControl } from "@journey-runs/msw/core";
 *
 * const fake = createJourneyRunsFake({ seed: 1, scene: { exampleRuns: 60 } });
 * const result = await fake.handle({ method: "GET", path: "/v1/apps/a/journeys/j/runs", query: "", headers: new Headers() });
 * ```
 * @packageDocumentation
 */

export { createLocalControl } from "../control-api/local.js";
export type {
  FailOptions,
  FaultScope,
  FaultSpec,
  JournalEntry,
  JourneyRunsControl,
  JourneyRunsScene,
  JourneyRunsState,
  JourneyRunsStateApplication,
  JourneyRunsStateJourney,
  SceneJourney,
} from "../control-api/types.js";
export type { FakeResponse } from "./aws-response.js";
export { awsErrorResponse, ERROR_TYPE_HEADER, REQUEST_ID_HEADER } from "./aws-response.js";
export type { Clock, ManualClock, TimeInput } from "./clock.js";
export { createManualClock, isManualClock, systemClock } from "./clock.js";
export type { JourneyRunsErrorStatus } from "./contract-rules.js";
export { ERROR_STATUSES, EXAMPLE_IDS, errorTypeOf } from "./contract-rules.js";
export type { JourneyRunsMisuseCode, JourneyRunsMockErrorCode } from "./errors.js";
export { JourneyRunsMockError } from "./errors.js";
export type { FakeNetworkError, FakeRequest, FakeResult, JourneyRunsFake, JourneyRunsFakeOptions } from "./fake.js";
export { createJourneyRunsFake, PAYLOAD_QUOTA_BYTES } from "./fake.js";
export { INVOCATION_ID_HEADER } from "./faults.js";
export type { Seed } from "./random.js";
export { REDACTED, redactQuery } from "./redact.js";
export { STATE_FORMAT, STATE_VERSION } from "./state/state.js";
export type { AddRunsOptions, JourneyHandle, RunInput, ScheduleInput } from "./store/journey.js";
export type { JourneyRunsStore, JourneyRunsStoreOptions, PageOutcome } from "./store/store.js";
export { createJourneyRunsStore } from "./store/store.js";
