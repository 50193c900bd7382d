import { describe, expect, test } from "vitest";
import { dereference } from "./dereference.js";

describe("dereference", () => {
  test("replaces a local $ref by its target and keeps the keywords beside it, which win", () => {
    const document = {
      header: { schema: { $ref: "#/components/schemas/ErrorType", const: "NotFoundException" } },
      components: { schemas: { ErrorType: { type: "string", enum: ["BadRequestException", "NotFoundException"] } } },
    };
    expect(dereference(document).header.schema).toEqual({
      type: "string",
      enum: ["BadRequestException", "NotFoundException"],
      const: "NotFoundException",
    });
  });

  test("stops at a reference cycle instead of recursing for ever", () => {
    const document = {
      components: {
        schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } },
      },
    };
    const node = dereference(document).components.schemas.Node as unknown as {
      properties: { next: { properties: { next: unknown } } };
    };
    expect(node.properties.next.properties.next).toEqual({ $ref: "#/components/schemas/Node" });
  });

  test("says which reference points to nothing, or outside the contract", () => {
    expect(() => dereference({ a: { $ref: "#/missing" } })).toThrow('The reference "#/missing" points to nothing.');
    expect(() => dereference({ a: { $ref: "other.yaml#/a" } })).toThrow(/Only references inside the contract/);
  });
});
