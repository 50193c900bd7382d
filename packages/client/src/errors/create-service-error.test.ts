import { describe, expect, it } from "vitest";
import { createServiceError, sanitizeErrorType } from "./create-service-error.js";
import type { ResponseSnapshot } from "./pinpoint-service-exception.js";

const request = {
  method: "GET",
  url: "https://pinpoint.us-east-1.amazonaws.com/v1/apps/a/journeys/j/runs",
  headers: {},
};
const respond = (status: number, headers: Record<string, string>, body: unknown): ResponseSnapshot => ({
  status,
  statusText: "",
  headers,
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("sanitizeErrorType", () => {
  it.each([
    ["BadRequestException", "BadRequestException"],
    ["BadRequestException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "BadRequestException"],
    ["aws.protocoltests.restjson#FooError", "FooError"],
    ["aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"],
    ["FooError,BarError", "FooError"],
    [" NotFoundException ", "NotFoundException"],
  ])("reads %j as %j", (raw, want) => {
    expect(sanitizeErrorType(raw)).toBe(want);
  });
});

describe("createServiceError", () => {
  it.each([
    [400, "BadRequestException", false],
    [403, "ForbiddenException", false],
    [404, "NotFoundException", false],
    [405, "MethodNotAllowedException", false],
    [413, "PayloadTooLargeException", false],
    [429, "TooManyRequestsException", true],
    [500, "InternalServerErrorException", true],
  ])("gives a %i %s its own class, retryable %s", (status, type, retryable) => {
    const { error, kind } = createServiceError(
      respond(status, { "x-amzn-errortype": type, "x-amzn-requestid": "r-1" }, { Message: "m" }),
      request,
      false,
    );
    expect(error.name).toBe(type);
    expect(error.constructor.name).toBe(type);
    expect(error.errorType).toBe(type);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(kind).toBe(status === 429 ? "throttling" : status === 500 ? "transient" : undefined);
    expect(error.$fault).toBe(status < 500 ? "client" : "server");
  });

  // API Gateway's answers (docs/decisions/0022-front-door.md): `{ "message" }` and the type in x-amzn-ErrorType. Not
  // Pinpoint's modeled errors: no class of their own (the bundle budget has no room for one), but every fact is read.
  it.each([
    ["MissingAuthenticationTokenException", "Missing Authentication Token"],
    ["UnrecognizedClientException", "The security token included in the request is invalid."],
    ["InvalidSignatureException", "The request signature we calculated does not match"],
    ["InvalidSignatureException", "Signature expired: 20260101T000000Z is now earlier than ..."],
  ])(
    "reads a front-door %s (%s) as a PinpointServiceException with its type, message and request id",
    (type, message) => {
      const { error, kind } = createServiceError(
        respond(
          403,
          { "x-amzn-errortype": type, "x-amzn-requestid": "r-2", "x-amz-apigw-id": "UuQZwEg4IAMFhhA=" },
          { message },
        ),
        request,
        false,
      );
      expect(error.constructor.name).toBe("PinpointServiceException");
      expect(error).toMatchObject({ errorType: type, status: 403, serviceMessage: message, requestId: "r-2" });
      expect(error.message).toContain(`GetJourneyRuns failed with 403 ${type}: ${message} (request id r-2). `);
      // Retried only when the answer's Date showed a clock skew (the pipeline's correction), as for ForbiddenException.
      expect([error.retryable, kind]).toEqual([false, undefined]);
    },
  );

  it("says what failed, with the request id, and what to do", () => {
    const { error } = createServiceError(
      respond(404, { "x-amzn-errortype": "NotFoundException" }, { Message: "Journey not found", RequestID: "id-9" }),
      request,
      false,
    );
    expect(error.message).toBe(
      "GetJourneyRuns failed with 404 NotFoundException: Journey not found (request id id-9). Check applicationId, journeyId and the Region.",
    );
    expect(error.requestId).toBe("id-9");
    expect(error.serviceMessage).toBe("Journey not found");
  });

  it("falls back to code, then __type, in the body when the header is missing", () => {
    expect(createServiceError(respond(400, {}, { code: "BadRequestException" }), request, false).error.name).toBe(
      "BadRequestException",
    );
    expect(
      createServiceError(respond(400, {}, { __type: "com.amazon#NotFoundException:x" }), request, false).error.name,
    ).toBe("NotFoundException");
  });

  it("reads the request id from RequestID, then x-amzn-RequestId, x-amzn-request-id, x-amz-request-id", () => {
    const id = (headers: Record<string, string>, body: object) =>
      createServiceError(respond(400, headers, body), request, false).error.requestId;
    expect(id({ "x-amzn-requestid": "h" }, { RequestID: "b" })).toBe("b");
    expect(id({ "x-amzn-requestid": "h1", "x-amzn-request-id": "h2" }, {})).toBe("h1");
    expect(id({ "x-amzn-request-id": "h2", "x-amz-request-id": "h3" }, {})).toBe("h2");
    expect(id({ "x-amz-request-id": "h3" }, {})).toBe("h3");
  });

  it("gives the base class to unknown types, inherited names and a body that is not JSON", () => {
    for (const type of ["ThrottlingException", "constructor", "__proto__", "toString"]) {
      const { error } = createServiceError(respond(400, { "x-amzn-errortype": type }, {}), request, false);
      expect(error.name).toBe("PinpointServiceException");
      expect(error.errorType).toBe(type);
    }
    const { error, kind } = createServiceError(respond(502, {}, "<html>Bad Gateway</html>"), request, false);
    expect(error.errorType).toBe("UnknownError");
    expect(error.serviceMessage).toBe("");
    expect(kind).toBe("transient");
  });

  it.each([
    [400, "ThrottlingException", false, "throttling"],
    [400, "SlowDown", false, "throttling"],
    [400, "RequestTimeoutException", false, "transient"],
    [503, "", false, "transient"],
    [504, "", false, "transient"],
    [501, "", false, undefined],
    [403, "ForbiddenException", true, "transient"],
  ])("classifies %i %s (clock skew corrected: %s) as %s", (status, type, skew, want) => {
    const headers: Record<string, string> = type ? { "x-amzn-errortype": type } : {};
    expect(createServiceError(respond(status, headers, {}), request, skew).kind).toBe(want);
  });
});
