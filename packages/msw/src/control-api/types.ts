import type { JourneyRun, JourneyRunStatus } from "@journey-runs/types";
import type { JourneyRunsErrorStatus } from "../core/contract-rules.js";
import type { RunInput, ScheduleInput } from "../core/store/journey.js";

/**
 * Which requests a fault applies to.
 * `"call"`: every attempt of the next call(s) (one `amz-sdk-invocation-id`; a request without it is a call of its own).
 * `"request"`: the next request(s), whatever call they belong to.
 */
export type FaultScope = "call" | "request";

/** A fault as data (JSON): what failNext / failAlways / throttle / networkErrorNext take, in a scene or over HTTP. */
export type FaultSpec =
  | {
      kind: "status";
      status: JourneyRunsErrorStatus;
      times?: number | undefined;
      scope?: FaultScope | undefined;
      message?: string | undefined;
    }
  | { kind: "network-error"; times?: number | undefined; scope?: FaultScope | undefined }
  | { kind: "always"; status: JourneyRunsErrorStatus; message?: string | undefined };

/** A declarative scene: what a story or test wants the fake to be; `reset()` returns to the current scene. JSON only. */
export interface JourneyRunsScene {
  /** Keep the official AWS example journey (default true). */
  example?: boolean | undefined;
  /** Finished runs from the seed added to the example journey. */
  exampleRuns?: number | undefined;
  journeys?: SceneJourney[] | undefined;
  faults?: FaultSpec[] | undefined;
  /** Milliseconds before each answer. */
  latency?: number | undefined;
  /** ISO time a manual clock is set to. */
  clock?: string | undefined;
}

/** One journey of a {@link JourneyRunsScene}. */
export interface SceneJourney {
  applicationId: string;
  journeyId: string;
  /** A number: that many finished runs from the seed; a list: those runs. */
  runs?: number | RunInput[] | undefined;
  scheduled?: ScheduleInput[] | undefined;
}

/** One journey of a {@link JourneyRunsState}: its runs in wire shape, in page order. */
export interface JourneyRunsStateJourney {
  journeyId: string;
  runs: JourneyRun[];
}

/** One application of a {@link JourneyRunsState}. */
export interface JourneyRunsStateApplication {
  applicationId: string;
  journeys: JourneyRunsStateJourney[];
}

/** The whole store as JSON (dump/load; also the `--data` file format of journey-runs-mock). Versioned. */
export interface JourneyRunsState {
  format: "journey-runs-mock/state";
  version: 1;
  /** The clock's time when dumped. */
  now: string;
  applications: JourneyRunsStateApplication[];
}

/** One GetJourneyRuns request the fake answered (bounded ring buffer; query redacted like the log). */
export interface JournalEntry {
  /** Clock time (ISO) when answered. */
  time: string;
  method: string;
  /** Raw path as received. */
  path: string;
  /** Raw query with credential values redacted (by DECODED name). */
  query: string;
  /** The amz-sdk-* headers (lower-case names), e.g. amz-sdk-invocation-id, amz-sdk-request. */
  headers: Record<string, string>;
  status: number | "network-error";
  /** x-amzn-RequestId of the answer. */
  requestId?: string | undefined;
  /** Why journey-runs-mock refused the request before the fake saw it (a SigV4 refusal's message). */
  reason?: string | undefined;
}

/** Options of `failNext` (on the fake, the mock and a control), and the parts the other fault helpers take. */
export interface FailOptions {
  /** How many of the next calls (or requests, with `scope: "request"`) fail. Default 1. */
  times?: number | undefined;
  /**
   * `"call"` (default): every attempt of the next call fails (one `amz-sdk-invocation-id`), so a client that
   * retries still sees the error. `"request"`: the next request fails, whatever call it belongs to; a retry succeeds.
   */
  scope?: FaultScope | undefined;
  /** The `Message` of the error. Default: the contract's example message for the status. */
  message?: string | undefined;
}

/**
 * One API for a fake's control operations: in-process (`createLocalControl(fake)`) and over HTTP
 * (`connectJourneyRunsControl(url, options)`). Every method is async so both doors have one shape. Misuse rejects with
 * JourneyRunsMockError (in-process) or its HTTP equivalent with the same `code`.
 */
export interface JourneyRunsControl {
  health(): Promise<{ status: "ok"; clock: "manual" | "system"; now: string }>;
  reset(): Promise<void>;
  /**
   * Everything back to the start in one call, as moto's `/moto-api/reset` does: the creation state (or `scene`, which
   * becomes the scene reset() returns to), no faults, the initial latency and clock, and an empty journal. A scene it
   * cannot apply rejects as setScene does (the fake is back at its previous scene) and keeps the journal.
   */
  resetAll(options?: { scene?: JourneyRunsScene | undefined }): Promise<void>;
  /** Reset to creation state, then apply the scene; reset() returns here. */
  setScene(scene: JourneyRunsScene): Promise<void>;
  dump(): Promise<JourneyRunsState>;
  /** Replace the store's content (faults/latency unchanged). */
  load(state: JourneyRunsState): Promise<void>;
  addJourney(applicationId: string, journeyId: string): Promise<void>;
  removeJourney(applicationId: string, journeyId: string): Promise<boolean>;
  removeApplication(applicationId: string): Promise<boolean>;
  addRuns(applicationId: string, journeyId: string, runs: number | RunInput[]): Promise<JourneyRun[]>;
  scheduleRun(applicationId: string, journeyId: string, input: ScheduleInput): Promise<JourneyRun>;
  setRunStatus(applicationId: string, journeyId: string, runId: string, status: JourneyRunStatus): Promise<JourneyRun>;
  /** Manual clock only; returns the new ISO time. */
  setClock(time: string | number): Promise<string>;
  advanceClock(ms: number): Promise<string>;
  /** The general form of failNext / failAlways / throttle / networkErrorNext. */
  fault(spec: FaultSpec): Promise<void>;
  failNext(status: JourneyRunsErrorStatus, options?: FailOptions): Promise<void>;
  failAlways(status: JourneyRunsErrorStatus, options?: Pick<FailOptions, "message">): Promise<void>;
  throttle(count?: number, options?: Pick<FailOptions, "scope">): Promise<void>;
  networkErrorNext(options?: Pick<FailOptions, "times" | "scope">): Promise<void>;
  clearFaults(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  journal(options?: { limit?: number | undefined }): Promise<JournalEntry[]>;
  clearJournal(): Promise<void>;
}
