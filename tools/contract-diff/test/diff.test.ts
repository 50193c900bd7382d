import { describe, expect, test } from "vitest";
import { diffContracts } from "../src/diff.js";
import { changed, contractText, operation } from "./fixtures.js";

type Case = [name: string, { edit: Parameters<typeof changed>[0]; breaking: boolean; what: RegExp }];

const cases: Case[] = [
  [
    "removing NextToken from the page is breaking",
    {
      edit: (c) => delete c.components.schemas.JourneyRunsResponse.properties.NextToken,
      breaking: true,
      what: /body\.NextToken: field removed/,
    },
  ],
  [
    "a new required query parameter is breaking",
    {
      edit: (c) =>
        operation(c).parameters.push({ name: "region", in: "query", required: true, schema: { type: "string" } }),
      breaking: true,
      what: /query region: new required parameter/,
    },
  ],
  [
    "a new optional query parameter is not breaking",
    {
      edit: (c) => operation(c).parameters.push({ name: "order", in: "query", schema: { type: "string" } }),
      breaking: false,
      what: /query order: new optional parameter/,
    },
  ],
  [
    "a lower page-size maximum narrows the request: breaking",
    {
      edit: (c) => (c.components.parameters.PageSize.schema.maximum = 50),
      breaking: true,
      what: /page-size: maximum changed from 100 to 50/,
    },
  ],
  [
    "a higher page-size maximum widens the request: not breaking",
    {
      edit: (c) => (c.components.parameters.PageSize.schema.maximum = 200),
      breaking: false,
      what: /maximum changed from 100 to 200/,
    },
  ],
  [
    "a new run status widens the response enum: breaking",
    {
      edit: (c) => c.components.schemas.JourneyRunStatus.enum.push("PAUSED"),
      breaking: true,
      what: /Status: enum widened: "PAUSED" added/,
    },
  ],
  [
    "a removed run status narrows the response enum: not breaking",
    {
      edit: (c) => c.components.schemas.JourneyRunStatus.enum.pop(),
      breaking: false,
      what: /Status: enum narrowed: "CANCELLED" removed/,
    },
  ],
  [
    "a changed type of RunId is breaking",
    {
      edit: (c) => (c.components.schemas.Identifier.type = "integer"),
      breaking: true,
      what: /RunId: type changed from \["string"\] to \["integer"\]/,
    },
  ],
  [
    "a removed error response is breaking",
    { edit: (c) => delete operation(c).responses["404"], breaking: true, what: /response 404: response removed/ },
  ],
  [
    "Item no longer required in the page is breaking",
    {
      edit: (c) => (c.components.schemas.JourneyRunsResponse.required = []),
      breaking: true,
      what: /body\.Item: field made optional/,
    },
  ],
  [
    "NextToken made required in the page is not breaking",
    {
      edit: (c) => c.components.schemas.JourneyRunsResponse.required.push("NextToken"),
      breaking: false,
      what: /body\.NextToken: field made required/,
    },
  ],
  [
    "a removed required response header is breaking",
    {
      edit: (c) => delete operation(c).responses["200"].headers["x-amzn-RequestId"],
      breaking: true,
      what: /header x-amzn-requestid: required header removed/,
    },
  ],
  [
    "a changed error type const in a header is breaking",
    {
      edit: (c) =>
        (c.components.responses.NotFoundException.headers["X-Amzn-ErrorType"].schema.const =
          "ResourceNotFoundException"),
      breaking: true,
      what: /response 404 header x-amzn-errortype: const changed/,
    },
  ],
  [
    "a removed operation is breaking",
    {
      edit: (c) => delete c.paths["/v1/apps/{application-id}/journeys/{journey-id}/runs"].get,
      breaking: true,
      what: /GET \/v1\/apps.*: operation removed/,
    },
  ],
  [
    "a new operation is not breaking",
    {
      edit: (c) => {
        c.paths["/v1/apps/{application-id}/journeys/{journey-id}/runs"].post = {
          responses: { "200": { description: "ok" } },
        };
      },
      breaking: false,
      what: /POST .*: operation added/,
    },
  ],
];

describe("diffContracts", () => {
  test.each(cases)("%s", (_name, { edit, breaking, what }) => {
    const diff = diffContracts(contractText, changed(edit));
    expect(diff.changes.map((c) => `${c.severity} ${c.where}: ${c.what}`).join("\n")).toMatch(what);
    expect(diff.breaking).toBe(breaking);
  });

  test("a field made required in a request body is breaking", () => {
    const withBody = (required: string[]) =>
      changed((c) => {
        c.paths["/v1/apps/{application-id}/journeys/{journey-id}/runs"].post = {
          requestBody: {
            content: {
              "application/json": { schema: { type: "object", required, properties: { Name: { type: "string" } } } },
            },
          },
          responses: { "200": { description: "ok" } },
        };
      });
    const diff = diffContracts(withBody([]), withBody(["Name"]));
    expect(diff.changes).toEqual([
      {
        severity: "breaking",
        where: "POST /v1/apps/{application-id}/journeys/{journey-id}/runs request body application/json body.Name",
        what: "field made required",
      },
    ]);
  });

  test("a description-only change is reported as an edit, with no change for clients", () => {
    const diff = diffContracts(
      contractText,
      changed((c) => (c.components.schemas.PaginationToken.description = "An opaque cursor.")),
    );
    expect(diff.changes).toEqual([]);
    expect(diff.breaking).toBe(false);
    expect(diff.edits).toEqual([{ kind: "~", pointer: "/components/schemas/PaginationToken/description" }]);
    expect(diff.requiredBump).toBe("patch");
  });

  test("the same contract has no change and asks for no version bump", () => {
    const diff = diffContracts(contractText, contractText);
    expect(diff).toMatchObject({ changes: [], edits: [], breaking: false, requiredBump: "none" });
  });

  test("a breaking change below 1.0.0 asks for a minor bump, and tells whether info.version made it", () => {
    const remove = (c: { components: { schemas: { JourneyRunsResponse: { properties: Record<string, unknown> } } } }) =>
      delete c.components.schemas.JourneyRunsResponse.properties.NextToken;
    expect(diffContracts(contractText, changed(remove))).toMatchObject({ requiredBump: "minor", actualBump: "none" });
    const bumped = changed((c) => {
      remove(c);
      c.info.version = "0.2.0";
    });
    expect(diffContracts(contractText, bumped)).toMatchObject({ requiredBump: "minor", actualBump: "minor" });
  });

  test("says which side is not an OpenAPI document", () => {
    expect(() => diffContracts("openapi: [", contractText)).toThrow(/earlier contract is not valid YAML/);
    expect(() => diffContracts(contractText, "swagger: '2.0'")).toThrow(/later contract is not an OpenAPI 3 document/);
  });
});
