import { describe, expect, it } from "vitest";
import { describeError, isAbort } from "./error-summary.js";

// Shaped like @journey-runs/client's service exceptions (their classes are exercised by the component and browser
// tests, which get them from real responses).
const serviceError = (fields: Record<string, unknown>) =>
  Object.assign(new Error("GetJourneyRuns failed with a long message and a hint"), fields);

describe("describeError", () => {
  it("reads the type, the service's message, the request id and the status of a client exception", () => {
    const error = serviceError({
      name: "NotFoundException",
      errorType: "NotFoundException",
      status: 404,
      serviceMessage: "Resource not found",
      requestId: "0f6e1c0a-5d4e-4b5e-9a55-0c9f6a1f2b3c",
      retryable: false,
    });
    expect(describeError(error)).toEqual({
      type: "NotFoundException",
      message: "Resource not found",
      requestId: "0f6e1c0a-5d4e-4b5e-9a55-0c9f6a1f2b3c",
      status: 404,
      retryable: false,
      throttling: false,
    });
  });

  it("marks throttling as retryable throttling", () => {
    const error = serviceError({
      name: "TooManyRequestsException",
      errorType: "TooManyRequestsException",
      status: 429,
      retryable: true,
    });
    expect(describeError(error)).toMatchObject({ throttling: true, retryable: true, requestId: undefined });
  });

  it("trusts the client's retryable flag over the status", () => {
    expect(
      describeError(serviceError({ errorType: "InternalServerErrorException", status: 500, retryable: false })),
    ).toMatchObject({
      retryable: false,
    });
  });

  it("describes an error from another realm by its fields, not its class", () => {
    const foreign = {
      name: "PinpointServiceException",
      errorType: "ProxyFailure",
      status: 502,
      message: "Bad gateway",
    };
    expect(describeError(foreign)).toMatchObject({
      type: "ProxyFailure",
      status: 502,
      retryable: true,
      throttling: false,
    });
  });

  it.each([
    [new TypeError("Failed to fetch"), { type: "TypeError", retryable: true }],
    [new RangeError("bad"), { type: "RangeError", retryable: false }],
    ["a thrown string", { type: "Error", message: "a thrown string", retryable: false }],
    [null, { type: "Error", message: "null", retryable: false }],
  ])("describes %s without crashing", (thrown, want) => {
    expect(describeError(thrown)).toMatchObject(want);
  });
});

describe("isAbort", () => {
  it("recognises cancellations by name, whatever their class", () => {
    expect(isAbort(new DOMException("aborted", "AbortError"))).toBe(true);
    expect(isAbort({ name: "AbortError" })).toBe(true);
    expect(isAbort(new Error("x"))).toBe(false);
    expect(isAbort(undefined)).toBe(false);
  });
});
