import { describe, expect, it } from "vitest";
import { createContractValidator } from "../src/contract.js";

const validate = createContractValidator();
const ID = "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11";
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers({ "content-type": "application/json", "x-amzn-RequestId": ID, ...headers }),
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const run = {
  CreationTime: "2000-01-01T00:00:00.000Z",
  LastUpdateTime: "2000-01-01T00:00:05.000Z",
  RunId: "r",
  Status: "COMPLETED",
};

// The contract checks of the property tests are only as good as this validator: it must catch each kind of break.
describe("the contract validator built from openapi/journey-runs.yaml", () => {
  it.each([
    ["a page", json(200, { Item: [run], NextToken: "t" })],
    ["an empty last page", json(200, { Item: [] })],
    ["a 404", json(404, { Message: "Journey not found", RequestID: ID }, { "X-Amzn-ErrorType": "NotFoundException" })],
  ])("accepts %s", (_, response) => {
    expect(validate(response)).toEqual([]);
  });

  it.each([
    ["an undocumented status", json(502, { Message: "x" }), /status 502 is not documented/],
    ["HTML", { ...json(500, "<html>"), headers: new Headers({ "content-type": "text/html" }) }, /Content-Type/],
    ["a page without Item", json(200, { NextToken: "t" }), /body:.*Item/],
    ["an unknown run status", json(200, { Item: [{ ...run, Status: "PAUSED" }] }), /body:.*allowed values/],
    ["an extra field", json(200, { Item: [], Extra: 1 }), /additional properties/],
    ["101 runs", json(200, { Item: Array(101).fill(run) }), /must NOT have more than 100 items/],
    ["an empty NextToken", json(200, { Item: [], NextToken: "" }), /NextToken/],
    ["a bad date", json(200, { Item: [{ ...run, CreationTime: "yesterday" }] }), /date-time/],
    ["a request id that is not a UUID", json(200, { Item: [] }, { "x-amzn-RequestId": "abc" }), /RequestId.*uuid/],
    [
      "an error with the wrong error type",
      json(404, { Message: "m", RequestID: ID }, { "X-Amzn-ErrorType": "BadRequestException" }),
      /X-Amzn-ErrorType.*constant/,
    ],
    ["an error without error type", json(400, { Message: "m", RequestID: ID }), /X-Amzn-ErrorType is missing/],
    [
      "a RequestID that differs from the header",
      json(
        429,
        { RequestID: "6f8d5b3d-8b6e-4e0f-8f98-0e7c3b1a2d06" },
        { "X-Amzn-ErrorType": "TooManyRequestsException" },
      ),
      /differs/,
    ],
  ])("rejects %s", (_, response, problem) => {
    expect(validate(response).join("\n")).toMatch(problem);
  });
});
