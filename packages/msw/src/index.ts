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
  ControlFailOptions,
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
export {
  awsErrorResponse,
  createJourneyRunsFake,
  createJourneyRunsStore,
  createLocalControl,
  createManualClock,
  DEFAULT_JOURNAL_LIMIT,
  ERROR_STATUSES,
  ERROR_TYPE_HEADER,
  EXAMPLE_IDS,
  errorTypeOf,
  INVOCATION_ID_HEADER,
  isJourneyRunsState,
  isManualClock,
  JourneyRunsMockError,
  PAYLOAD_QUOTA_BYTES,
  parseState,
  REDACTED,
  REMEMBERED_CALLS,
  REQUEST_ID_HEADER,
  RUN_STATUSES,
  redactQuery,
  STATE_FORMAT,
  STATE_VERSION,
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
  journeyRunsPath,
  journeyRunsPathPattern,
} from "./msw/msw-handlers.js";
