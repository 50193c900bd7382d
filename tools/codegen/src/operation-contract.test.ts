import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type JsonObject, parseContract } from "./openapi-document.js";
import { extractOperationContract, trimSchema } from "./operation-contract.js";

const contractText = readFileSync(new URL("../../../openapi/journey-runs.yaml", import.meta.url), "utf8");
const contract = extractOperationContract(parseContract(contractText), "GetJourneyRuns");

/** A minimal contract around one error response, to exercise what the extractor refuses. */
function tiny(errorHeaders: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    openapi: "3.1.0",
    paths: {
      "/x/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", maxLength: 3 } }],
        get: {
          operationId: "Op",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", maxLength: 9 } }],
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
            "400": { description: "bad", headers: errorHeaders, content: { "application/json": { schema: {} } } },
            ...extra,
          },
        },
      },
    },
    components: { schemas: {} },
  };
}

describe("extractOperationContract on openapi/journey-runs.yaml", () => {
  test("finds the operation with its method and path template", () => {
    expect(contract).toMatchObject({ method: "GET", path: "/v1/apps/{application-id}/journeys/{journey-id}/runs" });
  });

  test("collects path-level and operation-level parameters with their limits", () => {
    const byName = Object.fromEntries(contract.parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(["application-id", "journey-id", "page-size", "token"]);
    expect(byName["page-size"]?.schema).toMatchObject({ minimum: 1, maximum: 100, default: 25 });
    expect(byName["application-id"]).toMatchObject({ in: "path", required: true, schema: { maxLength: 256 } });
  });

  test("reads each error's AWS type from the const of its X-Amzn-ErrorType header", () => {
    expect(contract.errors.map((e) => [e.status, e.type])).toEqual([
      [400, "BadRequestException"],
      [403, "ForbiddenException"],
      [404, "NotFoundException"],
      [405, "MethodNotAllowedException"],
      [413, "PayloadTooLargeException"],
      [429, "TooManyRequestsException"],
      [500, "InternalServerErrorException"],
    ]);
  });

  test("keeps the example bodies of the success response by name", () => {
    expect(Object.keys(contract.success.examples)).toContain("official");
    expect(contract.success.schema).toMatchObject({ required: ["Item"], additionalProperties: false });
  });
});

describe("extractOperationContract refuses what it cannot use", () => {
  test("an unknown operationId", () => {
    expect(() => extractOperationContract(parseContract(contractText), "Nope")).toThrow(/no operation/);
  });

  test("an error without an X-Amzn-ErrorType const", () => {
    const doc = tiny({ "X-Amzn-ErrorType": { schema: { type: "string" } } });
    expect(() => extractOperationContract(doc, "Op")).toThrow(/X-Amzn-ErrorType header whose schema has a `const`/);
  });

  test("a non-numeric response code", () => {
    const doc = tiny({ "X-Amzn-ErrorType": { schema: { const: "E" } } }, { default: { description: "d" } });
    expect(() => extractOperationContract(doc, "Op")).toThrow(/numeric status/);
  });

  test("lets an operation parameter override the path-level one of the same name", () => {
    const got = extractOperationContract(tiny({ "X-Amzn-ErrorType": { schema: { const: "E" } } }), "Op");
    expect(got.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string", maxLength: 9 } },
    ]);
    expect(got.errors[0]).toMatchObject({ type: "E", message: "E" });
  });
});

describe("trimSchema", () => {
  test("drops documentation keys but keeps a property that is called description", () => {
    const got = trimSchema({
      description: "doc",
      "x-internal": true,
      properties: { description: { type: "string", description: "the field" } },
    });
    expect(got).toEqual({ properties: { description: { type: "string" } } });
  });
});
