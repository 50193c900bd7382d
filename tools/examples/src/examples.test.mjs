import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findExamples } from "./examples.mjs";

const dir = mkdtempSync(join(tmpdir(), "examples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** @param {string} name @param {object | undefined} manifest */
const example = (name, manifest) => {
  mkdirSync(join(dir, name), { recursive: true });
  if (manifest) writeFileSync(join(dir, name, "package.json"), JSON.stringify(manifest));
};
example("vitest-react", { scripts: { test: "vitest run" } });
example("jest", { scripts: { test: "jest" } });
example("notes", undefined); // no package.json
example("draft", { scripts: { dev: "vite" } }); // no test script
example(".tarballs", { scripts: { test: "x" } }); // hidden

describe("findExamples", () => {
  test("finds every folder with a package.json that has a test script, by name", () => {
    expect(findExamples(dir, undefined).map((e) => e.name)).toEqual(["jest", "vitest-react"]);
  });

  test("runs only the examples EXAMPLES names", () => {
    expect(findExamples(dir, "vitest-react").map((e) => e.name)).toEqual(["vitest-react"]);
  });

  test("refuses a name in EXAMPLES that is not an example, rather than running nothing", () => {
    expect(() => findExamples(dir, "jest,draft")).toThrow(/EXAMPLES names no example with a test script: draft/);
  });
});
