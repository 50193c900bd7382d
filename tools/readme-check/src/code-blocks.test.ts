import { describe, expect, test } from "vitest";
import { codeBlocks } from "./code-blocks.js";

describe("codeBlocks", () => {
  test.each([
    ["a marker comment before the fence", "<!-- readme-check: typecheck -->\n```ts\nx\n```", { kind: "typecheck" }],
    ["a marker with a blank line", "<!-- readme-check: illustrative -->\n\n```sh\nx\n```", { kind: "illustrative" }],
    ["illustrative in the info string", "```ts illustrative\nx\n```", { kind: "illustrative" }],
    [
      "the test that runs it",
      "<!-- readme-check: tested-by tools/compat/test/readme.test.ts -->\n```ts\nx\n```",
      { kind: "tested-by", path: "tools/compat/test/readme.test.ts" },
    ],
    ["no marker at all", "Some text.\n```ts\nx\n```", undefined],
    ["a marker further up, not on the block", "<!-- readme-check: typecheck -->\ntext\n```ts\nx\n```", undefined],
  ])("reads %s", (_, markdown, check) => {
    expect(codeBlocks(markdown)).toEqual([{ lang: expect.any(String), code: "x", line: expect.any(Number), check }]);
  });

  test("keeps the code, the language and the line of each block, a longer fence holding a shorter one", () => {
    const markdown = "# t\n\n````md\n```ts\nin\n```\n````\n\n```sh\nnpm i\n```\n";
    expect(codeBlocks(markdown)).toEqual([
      { lang: "md", code: "```ts\nin\n```", line: 3, check: undefined },
      { lang: "sh", code: "npm i", line: 9, check: undefined },
    ]);
  });
});
