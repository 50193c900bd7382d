import { describe, expect, test } from "vitest";
import { ContractError, dereference, type JsonObject, parseContract, resolvePointer } from "./openapi-document.js";

const doc: JsonObject = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Kind: { type: "string", enum: ["a", "b"] },
      "a/b~c": { type: "integer" },
      Loop: { $ref: "#/components/schemas/Loop" },
    },
  },
};

describe("resolvePointer", () => {
  test.each([
    ["a plain pointer", "#/components/schemas/Kind", { type: "string", enum: ["a", "b"] }],
    ["an escaped pointer (RFC 6901 ~1 and ~0)", "#/components/schemas/a~1b~0c", { type: "integer" }],
  ])("follows %s", (_name, ref, want) => {
    expect(resolvePointer(doc, ref)).toEqual(want);
  });

  test.each([
    ["a remote reference", "other.yaml#/x", /Only local references/],
    ["a dangling pointer", "#/components/schemas/Missing", /points to nothing/],
  ])("rejects %s with a ContractError", (_name, ref, message) => {
    expect(() => resolvePointer(doc, ref)).toThrow(ContractError);
    expect(() => resolvePointer(doc, ref)).toThrow(message);
  });
});

describe("dereference", () => {
  test("lets keys written beside $ref override the referenced schema", () => {
    const got = dereference(doc, { $ref: "#/components/schemas/Kind", const: "a" });
    expect(got).toEqual({ type: "string", enum: ["a", "b"], const: "a" });
  });

  test("replaces references nested in arrays and objects", () => {
    const got = dereference(doc, { items: [{ $ref: "#/components/schemas/a~1b~0c" }] });
    expect(got).toEqual({ items: [{ type: "integer" }] });
  });

  test("names the cycle of a circular reference", () => {
    expect(() => dereference(doc, { $ref: "#/components/schemas/Loop" })).toThrow(/circular/);
  });
});

describe("parseContract", () => {
  test.each([
    ["invalid YAML", "a: [", /not valid YAML/],
    ["an OpenAPI 3.0 document", "openapi: 3.0.3\n", /OpenAPI 3.1/],
    ["a YAML list", "- 1\n", /OpenAPI 3.1/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseContract(text)).toThrow(message);
  });

  test("returns the document of a 3.1 contract", () => {
    expect(parseContract("openapi: 3.1.0\ninfo: { title: t }\n")).toEqual({ openapi: "3.1.0", info: { title: "t" } });
  });
});
