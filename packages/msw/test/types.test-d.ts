import {
  createJourneyRunsMock,
  defineJourneyRunsResolver,
  type JourneyHandle,
  type JourneyRunsErrorStatus,
  type JourneyRunsPathParams,
  journeyRunsError,
  journeyRunsPage,
} from "@journey-runs/msw";
import type { JourneyRunStatus, JourneyRunsErrorType } from "@journey-runs/types";
import { HttpResponse } from "msw";
import { describe, expectTypeOf, test } from "vitest";
import type { errors } from "../src/generated/contract.js";

describe("types derived from the contract", () => {
  test("the error statuses are exactly the seven documented ones", () => {
    expectTypeOf<JourneyRunsErrorStatus>().toEqualTypeOf<400 | 403 | 404 | 405 | 413 | 429 | 500>();
    expectTypeOf<(typeof errors)[400]["type"]>().toEqualTypeOf<"BadRequestException">();
    expectTypeOf<(typeof errors)[JourneyRunsErrorStatus]["type"]>().toEqualTypeOf<JourneyRunsErrorType>();
  });

  test("the runs a journey returns carry the contract's statuses", () => {
    expectTypeOf<ReturnType<JourneyHandle["addRun"]>["Status"]>().toEqualTypeOf<JourneyRunStatus>();
  });

  test("path params are the contract's labels in camelCase", () => {
    expectTypeOf<JourneyRunsPathParams>().toEqualTypeOf<{ applicationId: string; journeyId: string }>();
  });
});

describe("typed helpers", () => {
  test("failNext takes only documented statuses", () => {
    const mock = createJourneyRunsMock();
    mock.failNext(429, { times: 2 });
    // @ts-expect-error 418 is not a documented status of GetJourneyRuns
    mock.failNext(418);
    // @ts-expect-error 200 is not an error
    mock.failAlways(200);
  });

  test("a custom resolver sees typed params and must answer a page or an error", () => {
    defineJourneyRunsResolver(({ params }) => {
      expectTypeOf(params.applicationId).toEqualTypeOf<string>();
      return journeyRunsPage({ Item: [] });
    });
    defineJourneyRunsResolver(() => journeyRunsError(404));
    // @ts-expect-error a body with a misspelt field is not a page
    defineJourneyRunsResolver(() => HttpResponse.json({ Items: [] }));
    // @ts-expect-error a run needs all four fields
    journeyRunsPage({ Item: [{ RunId: "r" }] });
    // @ts-expect-error only documented statuses
    journeyRunsError(401);
  });
});
