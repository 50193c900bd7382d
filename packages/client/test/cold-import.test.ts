import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The specifiers that a built module imports statically (`import ... from "x"`, `export ... from "x"`). */
const importsOf = (file: string): string[] =>
  [
    ...readFileSync(new URL(`../dist/${file}`, import.meta.url), "utf8").matchAll(
      /^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm,
    ),
  ]
    .map((match) => match[1] as string)
    .filter((specifier, index, all) => all.indexOf(specifier) === index)
    .sort();

/** Runs `script` as an ES module in a fresh `node` from this package (so `@journey-runs/client` is the built dist). */
const fresh = (script: string): string => {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: packageDir, encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout;
};

/** What importing the client reads in Node (the cold-import budget): each module and package is a resolve, a read and a link. */
describe("the cold import of the built client in Node", () => {
  it("imports openapi-fetch and #crypto alone: no shared chunk, never @journey-runs/types, whose values it carries", () => {
    expect(importsOf("index.js")).toEqual(["#crypto", "openapi-fetch"]);
    // Neither back end of #crypto imports anything: no chunk is shared with index.js (one module less per import).
    expect(importsOf("crypto/node.js")).toEqual([]);
    expect(importsOf("crypto/web.js")).toEqual([]);
  });

  it("loads node:crypto on the first request id or signature, not on import", () => {
    const loaded = "process.moduleLoadList.includes('NativeModule crypto')";
    const out = fresh(
      `const c = await import("@journey-runs/client"); const before = ${loaded};` +
        `const id = (await import("#crypto")).uuid();` +
        `process.stdout.write(JSON.stringify([before, ${loaded}, id.length, c.isJourneyRunsError(new Error())]));`,
    );
    expect(JSON.parse(out)).toEqual([false, true, 36, false]);
  });
});
