/**
 * Types under the settings strict teams use (this repository's tsconfig has `exactOptionalPropertyTypes`): options
 * take `undefined` wherever the runtime does, and error types come from the contract's generated union.
 */
import {
  createJourneyRunsClient,
  isJourneyRunsError,
  type JourneyRunsErrorByName,
  type JourneyRunsErrorType,
  type PinpointServiceException,
  type RetryOptions,
  type ServiceErrorByType,
} from "@journey-runs/client";
import type { components } from "@journey-runs/types";
import { describe, expectTypeOf, it } from "vitest";

/** What a variable read from the environment is: maybe undefined. */
const env: Record<string, string | undefined> = {};

describe("options under exactOptionalPropertyTypes", () => {
  it("accept undefined wherever the runtime does (process.env.X passed straight through)", () => {
    const maybeNumber = env.TIMEOUT === undefined ? undefined : Number(env.TIMEOUT);
    createJourneyRunsClient({
      region: env.AWS_REGION,
      endpoint: env.JOURNEY_RUNS_ENDPOINT,
      credentials: undefined,
      fetch: undefined,
      retry: undefined,
      timeoutMs: maybeNumber,
      onRetry: undefined,
    });
    const retry: RetryOptions = {
      maxAttempts: maybeNumber,
      baseDelayMs: undefined,
      throttlingBaseDelayMs: undefined,
      maxDelayMs: undefined,
      quota: undefined,
      random: undefined,
    };
    createJourneyRunsClient({ region: "us-east-1", retry });
    const client = createJourneyRunsClient({ region: env.AWS_REGION });
    client.getJourneyRuns({ applicationId: "a", journeyId: "j", pageSize: undefined, token: env.TOKEN });
    client.getJourneyRuns({ applicationId: "a", journeyId: "j" }, { signal: undefined });
  });

  it("still refuse what the runtime refuses", () => {
    // @ts-expect-error a Region is a string
    createJourneyRunsClient({ region: 1 });
    // @ts-expect-error timeoutMs is a number of ms
    createJourneyRunsClient({ region: "us-east-1", timeoutMs: "5s" });
    // @ts-expect-error maxAttempts is a number
    createJourneyRunsClient({ region: "us-east-1", retry: { maxAttempts: null } });
  });
});

describe("error types from the contract", () => {
  it("are the generated union of the seven", () => {
    expectTypeOf<JourneyRunsErrorType>().toEqualTypeOf<components["schemas"]["ErrorType"]>();
    expectTypeOf<keyof ServiceErrorByType>().toEqualTypeOf<JourneyRunsErrorType>();
  });

  it("are the names isJourneyRunsError accepts, with the client's own errors", () => {
    expectTypeOf<keyof JourneyRunsErrorByName>().toEqualTypeOf<
      | JourneyRunsErrorType
      | "JourneyRunsError"
      | "PinpointServiceException"
      | "NetworkError"
      | "TimeoutError"
      | "AbortError"
      | "InvalidResponseError"
      | "InvalidInputError"
    >();
    const error: unknown = new Error();
    // @ts-expect-error not an error type of the contract nor of the client
    isJourneyRunsError(error, "ThrottlingException");
  });

  it("type errorType as the union (open to types a proxy sends), narrowed by isJourneyRunsError", () => {
    expectTypeOf<PinpointServiceException["errorType"]>().toEqualTypeOf<JourneyRunsErrorType | (string & {})>();
    expectTypeOf<"NotFoundException">().toMatchTypeOf<PinpointServiceException["errorType"]>();
    const error: unknown = new Error();
    if (isJourneyRunsError(error, "TooManyRequestsException")) {
      expectTypeOf(error.errorType).toEqualTypeOf<"TooManyRequestsException">();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
  });
});
