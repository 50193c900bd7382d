import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, test } from "vitest";
import { type Dependency, externalExcept, inlinedDependencies, readDependency } from "../src/inlined.js";

const workspace = (manifest: Record<string, unknown>): Dependency => ({ manifest, dir: "/repo/packages/x" });
const installed = (manifest: Record<string, unknown>): Dependency => ({
  manifest,
  dir: "/repo/node_modules/x",
});
const data = { sideEffects: false, devDependencies: { "openapi-typescript": "^7" } };

describe("inlinedDependencies", () => {
  test.each([
    ["a workspace package of plain data", workspace(data), ["dep"]],
    ["the same package installed from the registry", installed(data), []],
    ["a workspace package with dependencies", workspace({ ...data, dependencies: { "openapi-fetch": "^0.17" } }), []],
    ["a workspace package with peer dependencies", workspace({ ...data, peerDependencies: { msw: "^2" } }), []],
    ["a workspace package that may have side effects", workspace({ devDependencies: {} }), []],
    ["a dependency that is not installed", undefined, []],
  ])("%s", (_name, found, want) => {
    expect(inlinedDependencies({ dependencies: { dep: "0.1.0" } }, () => found)).toEqual(want);
  });

  test("devDependencies are never inlined, and a manifest without dependencies inlines nothing", () => {
    expect(inlinedDependencies({ devDependencies: { dep: "0.1.0" } }, () => workspace(data))).toEqual([]);
    expect(inlinedDependencies({}, () => workspace(data))).toEqual([]);
  });
});

describe("readDependency and externalExcept, on packages on disk", () => {
  const root = mkdtempSync(join(tmpdir(), "journey-runs-build-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const module = (name: string, value: string, extra: Record<string, unknown> = {}) => ({
    name,
    type: "module",
    sideEffects: false,
    exports: "./index.js",
    ...extra,
    value,
  });
  // A workspace package (linked into node_modules, as npm workspaces do) and one installed in node_modules.
  const data = module("@ws/data", "export const STATUSES = ['A', 'B'];");
  write("packages/data/package.json", JSON.stringify(data));
  write("packages/data/index.js", data.value);
  const lib = module("lib", "export const lib = 1;");
  write("app/node_modules/lib/package.json", JSON.stringify(lib));
  write("app/node_modules/lib/index.js", lib.value);
  mkdirSync(join(root, "app/node_modules/@ws"), { recursive: true });
  symlinkSync(join(root, "packages/data"), join(root, "app/node_modules/@ws/data"), "dir");
  const app = { name: "app", dependencies: { "@ws/data": "0.1.0", lib: "^1", missing: "^1" } };
  write("app/package.json", JSON.stringify(app));

  test("a linked workspace package of plain data is inlined; installed and missing ones are not", () => {
    expect(inlinedDependencies(app, readDependency(join(root, "app")))).toEqual(["@ws/data"]);
  });

  test("the bundle carries the inlined package and imports every other bare specifier", async () => {
    const result = await build({
      stdin: {
        contents:
          'import { STATUSES } from "@ws/data"; import { lib } from "lib"; import { hash } from "node:crypto";' +
          'import { uuid } from "#crypto"; console.log(STATUSES, lib, hash, uuid);',
        resolveDir: join(root, "app"),
      },
      bundle: true,
      format: "esm",
      platform: "neutral",
      write: false,
      plugins: [externalExcept(["@ws/data"])],
    });
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).toContain('["A", "B"]');
    expect(code).not.toContain("@ws/data");
    for (const external of ['from "lib"', 'from "node:crypto"', 'from "#crypto"']) expect(code).toContain(external);
  });
});
