import { describe, expect, test } from "vitest";
import { canonicalJson, findExamples } from "./examples.js";

const document = {
  paths: {
    "/runs": {
      get: {
        parameters: [{ name: "page-size", in: "query", example: 25 }],
        responses: {
          "200": {
            content: {
              "application/json": {
                examples: { empty: { $ref: "#/components/examples/Empty" }, inline: { value: { b: 1, a: 2 } } },
              },
            },
          },
        },
      },
    },
  },
  components: { examples: { Empty: { summary: "Nothing", value: { Item: [] } } } },
};

describe("findExamples", () => {
  test("lists named examples with $ref resolved and parameter examples under the parameter's name", () => {
    expect(findExamples(document)).toEqual([
      { pointer: "/components/examples/Empty", name: "Empty", value: '{"Item":[]}' },
      {
        pointer: "/paths/~1runs/get/parameters/0/example",
        name: "page-size",
        value: "25",
      },
      {
        pointer: "/paths/~1runs/get/responses/200/content/application~1json/examples/empty",
        name: "empty",
        value: '{"Item":[]}',
      },
      {
        pointer: "/paths/~1runs/get/responses/200/content/application~1json/examples/inline",
        name: "inline",
        value: '{"a":2,"b":1}',
      },
    ]);
  });

  test("tells apart a document with one more example", () => {
    const more = structuredClone(document) as typeof document & {
      components: { examples: Record<string, unknown> };
    };
    more.components.examples.Extra = { value: { Item: [] } };
    expect(findExamples(more)).not.toEqual(findExamples(document));
  });

  test("rejects a $ref that points outside the document or to nothing", () => {
    const external = { examples: { x: { $ref: "other.yaml#/x" } } };
    expect(() => findExamples(external)).toThrow(/Only local \$ref/);
    const dangling = { examples: { x: { $ref: "#/components/examples/Missing" } } };
    expect(() => findExamples(dangling)).toThrow(/points to nothing/);
  });

  test("canonicalJson sorts keys at every depth", () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
