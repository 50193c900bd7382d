import { describe, expect, test } from "vitest";
import { AWS_ERRORS, errorTypesForStatus, isErrorStatus } from "../spectral/functions/lib/aws-errors.js";
import { follow, localRefSegments, operations, toPointer, valueAt } from "../spectral/functions/lib/document.js";
import { ExampleValidator } from "../spectral/functions/lib/example-validator.js";

const document = {
  paths: {
    "/a/{id}": { get: { responses: {} }, parameters: [], summary: "not an operation" },
    "/b": { $ref: "#/components/pathItems/B" },
  },
  components: {
    pathItems: { B: { post: { responses: {} } } },
    schemas: {
      Alias: { $ref: "#/components/schemas/Target" },
      Target: { type: "string", enum: ["x"] },
      Loop: { $ref: "#/components/schemas/Loop" },
      "a/b~c": { type: "integer", minimum: 1 },
      List: { type: "array", items: { $ref: "#/components/schemas/Target" }, "x-note": "an extension" },
      Misspelt: { type: "string", maxLenght: 3 },
    },
  },
};

describe("the seven AWS errors", () => {
  test("are the statuses and types of the Pinpoint reference, in status order", () => {
    expect(AWS_ERRORS.map((error) => `${error.status} ${error.type}`)).toEqual([
      "400 BadRequestException",
      "403 ForbiddenException",
      "404 NotFoundException",
      "405 MethodNotAllowedException",
      "413 PayloadTooLargeException",
      "429 TooManyRequestsException",
      "500 InternalServerErrorException",
    ]);
  });

  test.each([
    ["404", ["NotFoundException"]],
    [
      "4XX",
      [
        "BadRequestException",
        "ForbiddenException",
        "NotFoundException",
        "MethodNotAllowedException",
        "PayloadTooLargeException",
        "TooManyRequestsException",
      ],
    ],
    ["5xx", ["InternalServerErrorException"]],
    ["401", []],
    ["200", []],
  ])("status %s stands for %j", (status, types) => {
    expect(errorTypesForStatus(status)).toEqual(types);
  });

  test.each([
    ["400", true],
    ["5XX", true],
    ["200", false],
    ["default", false],
    ["4000", false],
  ])("%s is an error status: %s", (status, expected) => {
    expect(isErrorStatus(status)).toBe(expected);
  });
});

describe("following references", () => {
  test.each([
    [
      "a chain of $refs ends at the object",
      "#/components/schemas/Alias",
      { ok: true, path: ["components", "schemas", "Target"] },
    ],
    [
      "a pointer with escaped characters",
      "#/components/schemas/a~1b~0c",
      { ok: true, path: ["components", "schemas", "a/b~c"] },
    ],
    ["a percent-encoded pointer", "#/paths/~1a~1%7Bid%7D/get", { ok: true, path: ["paths", "/a/{id}", "get"] }],
    ["a reference cycle", "#/components/schemas/Loop", { ok: false, message: /reference cycle/ }],
    ["a reference to nothing", "#/components/schemas/Nothing", { ok: false, message: /points at nothing/ }],
    [
      "a reference to another file",
      "other.yaml#/components/schemas/X",
      { ok: false, message: /only local references/ },
    ],
  ] as const)("%s", (_name, ref, want) => {
    const followed = follow(document, { $ref: ref }, ["here"]);
    expect(followed.ok).toBe(want.ok);
    if (followed.ok && want.ok) expect(followed.path).toEqual(want.path);
    if (!followed.ok && !want.ok) {
      expect(followed.message).toMatch(want.message);
      expect(followed.path.at(-1)).toBe("$ref");
    }
  });

  test("array indices come back as numbers and out-of-range indices as nothing", () => {
    expect(valueAt({ a: [{ b: 1 }] }, ["a", "0", "b"])).toEqual({ value: 1, path: ["a", 0, "b"] });
    expect(valueAt({ a: [] }, ["a", "0"])).toBeUndefined();
    expect(valueAt({ a: [1] }, ["a", "01"])).toBeUndefined();
  });

  test("pointers round-trip through toPointer and localRefSegments", () => {
    const path = ["paths", "/v1/apps/{application-id}", "get", "a~b"];
    expect(localRefSegments(toPointer(path))).toEqual(path);
  });

  test("operations are found under paths, through Path Item $refs, and only for HTTP methods", () => {
    expect(operations(document).map((site) => [site.name, site.path])).toEqual([
      ["GET /a/{id}", ["paths", "/a/{id}", "get"]],
      ["POST /b", ["components", "pathItems", "B", "post"]],
    ]);
  });
});

describe("the example validator", () => {
  const validator = new ExampleValidator(document);

  test("resolves $refs inside the document and accepts x- extensions", () => {
    const list = validator.at(["components", "schemas", "List"]);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.validate(["x"])).toBe(true);
    expect(list.validate(["y"])).toBe(false);
  });

  test("refuses a schema with an unknown keyword, and says how to fix it", () => {
    const misspelt = validator.at(["components", "schemas", "Misspelt"]);
    expect(misspelt.ok).toBe(false);
    if (misspelt.ok) return;
    expect(misspelt.message).toMatch(
      /`#\/components\/schemas\/Misspelt` cannot be compiled.*maxLenght.*Fix the schema\./,
    );
  });
});
