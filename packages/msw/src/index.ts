/**
 * A wire-exact, stateful fake of Amazon Pinpoint GetJourneyRuns: an in-memory store, a framework-free fake that
 * answers requests as Pinpoint does, and MSW handlers over it. The same fake without MSW is in
 * `@journey-runs/msw/core`; the node:http server is in `@journey-runs/msw/server`.
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

export type {
  AddRunsOptions,
  Clock,
  FailOptions,
  FakeNetworkError,
  FakeRequest,
  FakeResponse,
  FakeResult,
  FaultScope,
  FaultSpec,
  JournalEntry,
  JourneyHandle,
  JourneyRunsControl,
  JourneyRunsErrorStatus,
  JourneyRunsFake,
  JourneyRunsFakeOptions,
  JourneyRunsMisuseCode,
  JourneyRunsMockErrorCode,
  JourneyRunsScene,
  JourneyRunsState,
  JourneyRunsStateApplication,
  JourneyRunsStateJourney,
  JourneyRunsStore,
  JourneyRunsStoreOptions,
  ManualClock,
  PageOutcome,
  RunInput,
  SceneJourney,
  ScheduleInput,
  Seed,
  TimeInput,
} from "./core/index.js";
// The runtime values are the ones tests use; the protocol constants (header names, quotas, the dump format) are in
// `@journey-runs/msw/core`, the run statuses and error types in `@journey-runs/types`.
export {
  createJourneyRunsFake,
  createJourneyRunsStore,
  createLocalControl,
  createManualClock,
  EXAMPLE_IDS,
  JourneyRunsMockError,
  systemClock,
} from "./core/index.js";
export { getDefaultJourneyRunsMock, handlers } from "./msw/default-mock.js";
export type {
  JourneyRunsMock,
  JourneyRunsMockOptions,
  JourneyRunsPathParams,
  JourneyRunsResolver,
  JsonResponse,
} from "./msw/msw-handlers.js";
export {
  createJourneyRunsMock,
  defineJourneyRunsResolver,
  journeyRunsError,
  journeyRunsHandler,
  journeyRunsPage,
} from "./msw/msw-handlers.js";
