import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { type CodeBlock, codeBlocks } from "../src/code-blocks.js";
import { importedNames, missingExports } from "../src/imported-names.js";
import { packageReadmes, repoRoot, workDir } from "../src/paths.js";
import { type TypecheckResult, typecheck } from "../src/typecheck.js";

const readmes = packageReadmes.map((path) => {
  const text = readFileSync(join(repoRoot, path), "utf8");
  return { path, text, blocks: codeBlocks(text) };
});
const where = (path: string, block: CodeBlock) => `${path}:${block.line} (\`\`\`${block.lang})`;

let result: TypecheckResult;
beforeAll(() => {
  const blocks = readmes.flatMap(({ path, blocks }) =>
    blocks
      .filter((block) => block.check?.kind === "typecheck")
      .map((block) => ({ source: where(path, block), code: block.code })),
  );
  const specifiers = [...new Set(readmes.flatMap(({ text }) => importedNames(text).map((n) => n.specifier)))];
  result = typecheck(workDir, blocks, specifiers);
});

test("the three package READMEs and the msw topic pages are checked", () => {
  expect(packageReadmes).toEqual([
    "packages/types/README.md",
    "packages/client/README.md",
    "packages/msw/README.md",
    "packages/msw/docs/boto3.md",
    "packages/msw/docs/browser.md",
    "packages/msw/docs/control-plane.md",
    "packages/msw/docs/fake.md",
    "packages/msw/docs/server.md",
    "packages/msw/docs/storybook.md",
  ]);
});

describe.each(readmes)("$path", ({ path, text, blocks }) => {
  test("every code block is typechecked, run by a named test, or marked illustrative", () => {
    const unchecked = blocks.filter((block) => block.check === undefined).map((block) => where(path, block));
    expect(
      unchecked,
      "mark each with <!-- readme-check: typecheck --> (or tested-by <test file>) on the line before the fence, " +
        "or ```<lang> illustrative",
    ).toEqual([]);
  });

  test("the tests named by tested-by markers exist and read this page", () => {
    for (const block of blocks) {
      if (block.check?.kind !== "tested-by") continue;
      const file = join(repoRoot, block.check.path);
      expect(existsSync(file), `${where(path, block)}: ${block.check.path} does not exist`).toBe(true);
      expect(readFileSync(file, "utf8"), `${block.check.path} does not read ${basename(path)}`).toContain(
        basename(path),
      );
    }
  });

  test("the blocks marked typecheck compile for a strict consumer (exactOptionalPropertyTypes)", () => {
    expect(result.errors.filter((error) => error.startsWith(`${path}:`))).toEqual([]);
  });

  test("every name it imports from @journey-runs/* is exported by the built package", () => {
    expect(missingExports(importedNames(text), result.exports)).toEqual([]);
  });

  test("its relative links lead to files of the repository (the examples among them)", () => {
    const links = [...text.matchAll(/\]\((?!https?:|#|mailto:)([^)\s#]+)/g)].map((m) => m[1] ?? "");
    const broken = links.filter((link) => !existsSync(join(repoRoot, dirname(path), link)));
    expect(broken).toEqual([]);
  });
});
