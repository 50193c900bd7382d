/**
 * A wire-exact, stateful fake of Amazon Pinpoint GetJourneyRuns: an in-memory store, a framework-free fake that
 * answers requests as Pinpoint does, and MSW handlers over it. The node:http server is in
 * `@journey-runs/msw/server`.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createJourneyRunsMock } from "@journey-runs/msw";
 *
 * const mock = createJourneyRunsMock({ seed: 1 });
 * mock.store.example?.addRuns(60);
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * ```
 * @packageDocumentation
 */

export type { FakeResponse } from "./aws-response.js";
export { awsErrorResponse, ERROR_TYPE_HEADER, REQUEST_ID_HEADER } from "./aws-response.js";
export type { Clock, ManualClock, TimeInput } from "./clock.js";
export { createManualClock, systemClock } from "./clock.js";
export type { JourneyRunsErrorStatus } from "./contract-rules.js";
export { ERROR_STATUSES, EXAMPLE_IDS, errorTypeOf, RUN_STATUSES } from "./contract-rules.js";
export type {
  ControlFailOptions,
  FaultScope,
  FaultSpec,
  JournalEntry,
  JourneyRunsControl,
  JourneyRunsScene,
  JourneyRunsState,
  JourneyRunsStateApplication,
  JourneyRunsStateJourney,
  SceneJourney,
} from "./control/types.js";
export { getDefaultJourneyRunsMock, handlers } from "./default-mock.js";
export type { JourneyRunsMockErrorCode } from "./errors.js";
export { JourneyRunsMockError } from "./errors.js";
export type {
  FailOptions,
  FakeNetworkError,
  FakeRequest,
  FakeResult,
  JourneyRunsFake,
  JourneyRunsFakeOptions,
} from "./fake.js";
export { createJourneyRunsFake, PAYLOAD_QUOTA_BYTES } from "./fake.js";
export type { AddRunsOptions, JourneyHandle, RunInput, ScheduleInput } from "./journey.js";
export type {
  JourneyRunsMock,
  JourneyRunsMockOptions,
  JourneyRunsPathParams,
  JourneyRunsResolver,
  JsonResponse,
} from "./msw-handlers.js";
export {
  createJourneyRunsMock,
  defineJourneyRunsResolver,
  journeyRunsError,
  journeyRunsHandler,
  journeyRunsPage,
  journeyRunsPath,
  journeyRunsPathPattern,
} from "./msw-handlers.js";
export type { Seed } from "./random.js";
export type { JourneyRunsStore, JourneyRunsStoreOptions, PageOutcome } from "./store.js";
export { createJourneyRunsStore } from "./store.js";
