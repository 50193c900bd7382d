import {
  createJourneyRunsFake,
  createJourneyRunsMock,
  createJourneyRunsStore,
  type FaultSpec,
  type JourneyRunsControl,
  type JourneyRunsMock,
  type JourneyRunsScene,
} from "@journey-runs/msw";
import type {} from "@journey-runs/msw/browser-global";
import * as core from "@journey-runs/msw/core";
import { errorTypeOf } from "@journey-runs/msw/core";
import type { JourneyRunsErrorType } from "@journey-runs/types";
import { describe, expectTypeOf, test } from "vitest";

// What a consumer under `exactOptionalPropertyTypes` passes straight from the environment.
declare const env: Record<string, string | undefined>;
const maybeNumber = env.LATENCY === undefined ? undefined : Number(env.LATENCY);

describe("options accept undefined wherever the runtime does (exactOptionalPropertyTypes)", () => {
  test("creation options", () => {
    createJourneyRunsMock({
      latency: maybeNumber,
      seed: env.SEED,
      baseUrl: env.BASE_URL,
      clock: undefined,
      store: undefined,
      scene: undefined,
      journalLimit: maybeNumber,
    });
    createJourneyRunsFake({ latency: undefined, scene: { latency: undefined, clock: env.CLOCK } });
    createJourneyRunsStore({ seed: undefined, example: undefined, tokenSecret: env.SECRET, setup: undefined });
  });

  test("fault and run options", () => {
    const mock = createJourneyRunsMock();
    mock.failNext(500, { times: maybeNumber, scope: undefined, message: env.MESSAGE });
    mock.failAlways(500, { message: undefined });
    mock.throttle(maybeNumber, { scope: undefined });
    mock.networkErrorNext({ times: undefined, scope: undefined });
    mock.store.example?.addRun({ runId: env.RUN, status: undefined, creationTime: undefined });
    mock.store.example?.scheduleRun({ startsIn: maybeNumber, runsFor: undefined, outcome: undefined });
    mock.store.example?.addRuns(1, { from: undefined });
    mock.journal({ limit: maybeNumber });
  });
});

describe("the control API", () => {
  test("mock.control is the async JourneyRunsControl, also from the core entry", () => {
    expectTypeOf(createJourneyRunsMock().control).toEqualTypeOf<JourneyRunsControl>();
    expectTypeOf(core.createLocalControl).returns.toEqualTypeOf<JourneyRunsControl>();
    expectTypeOf<ReturnType<JourneyRunsControl["failNext"]>>().toEqualTypeOf<Promise<void>>();
  });

  test("faults and scenes are JSON data with documented statuses only", () => {
    expectTypeOf<{ kind: "status"; status: 500 }>().toExtend<FaultSpec>();
    expectTypeOf<{ kind: "status"; status: 418 }>().not.toExtend<FaultSpec>();
    const scene: JourneyRunsScene = { journeys: [{ applicationId: "a", journeyId: "j", runs: 3 }] };
    // @ts-expect-error a scene has no functions: it must travel over HTTP
    const bad: JourneyRunsScene = { setup: () => {} };
    void [scene, bad];
  });
});

describe("the contract's unions", () => {
  test("errorTypeOf gives the generated union of the seven error types", () => {
    expectTypeOf(errorTypeOf).returns.toEqualTypeOf<JourneyRunsErrorType>();
    expectTypeOf<JourneyRunsErrorType>().not.toEqualTypeOf<string>();
  });
});

describe("the browser global", () => {
  test("window.journeyRunsMock is typed by the browser-global entry", () => {
    expectTypeOf(window.journeyRunsMock).toEqualTypeOf<JourneyRunsMock | undefined>();
    window.journeyRunsMock = createJourneyRunsMock();
    // @ts-expect-error only a mock may be set there
    window.journeyRunsMock = 5;
  });
});
