import { describe, expect, test } from "vitest";
import { entryPoints, internalImports } from "../src/entries.js";

describe("entryPoints", () => {
  test.each([
    [
      "every condition of exports, types files left out",
      {
        exports: {
          ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
          "./package.json": "./package.json",
        },
      },
      [{ source: "src/index.ts", output: "dist/index.js", program: false }],
    ],
    [
      "subpath exports, imports conditions and bin, each once",
      {
        exports: { ".": "./dist/index.js", "./server": { default: "./dist/server/index.js" } },
        imports: { "#crypto": { node: "./dist/crypto/node.js", default: "./dist/crypto/web.js" } },
        bin: { "journey-runs-mock": "./dist/server/cli.js", again: "./dist/index.js" },
      },
      [
        { source: "src/crypto/node.ts", output: "dist/crypto/node.js", program: false },
        { source: "src/crypto/web.ts", output: "dist/crypto/web.js", program: false },
        // Also exported: stays a module, in the shared build.
        { source: "src/index.ts", output: "dist/index.js", program: false },
        { source: "src/server/cli.ts", output: "dist/server/cli.js", program: true },
        { source: "src/server/index.ts", output: "dist/server/index.js", program: false },
      ],
    ],
    [
      "a bin given as a bare path",
      { bin: "dist/cli.js" },
      [{ source: "src/cli.ts", output: "dist/cli.js", program: true }],
    ],
    ["targets outside dist are not built", { exports: { ".": "./lib/index.js", "./x": "./dist/x.d.ts" } }, []],
  ])("%s", (_name, manifest, want) => {
    expect(entryPoints(manifest)).toEqual(want);
  });
});

describe("entryPoints with a committed bin shim", () => {
  test("builds the dist/ modules the shim loads, and not the shim", () => {
    const shims = new Map([["./bin/mock.js", 'const cli = new URL("../dist/server/cli.js", import.meta.url);']]);
    const entries = entryPoints({ bin: { mock: "./bin/mock.js" } }, (path) => shims.get(path) ?? "");
    expect(entries).toEqual([{ source: "src/server/cli.ts", output: "dist/server/cli.js", program: true }]);
  });
});

describe("internalImports", () => {
  test("names every key of imports, so that each stays its own file", () => {
    expect(internalImports({ imports: { "#crypto": {}, "#a": "./dist/a.js" } })).toEqual(["#a", "#crypto"]);
    expect(internalImports({})).toEqual([]);
  });
});
