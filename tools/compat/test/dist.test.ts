import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { filesUnder, staticImports } from "../src/dist-files.js";
import { publicPackages } from "../src/paths.js";

interface SourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
}

describe.each(publicPackages)("the built dist/ of $name (docs/decisions/0014-bundled-dist.md)", ({ dir }) => {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  const dist = join(dir, "dist");
  const files = filesUnder(dist);
  const modules = files.filter((file) => file.endsWith(".js"));

  test("is tree-shakable ESM: type module and sideEffects false", () => {
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
  });

  test("each module imports only packages, #imports and shared chunks: one file read per entry", () => {
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      const relativeImports = staticImports(readFileSync(join(dist, file), "utf8")).filter((s) => s.startsWith("."));
      for (const specifier of relativeImports) {
        const target = resolve(dirname(join(dist, file)), specifier);
        expect(target, `${file} imports ${specifier}`).toMatch(/[/\\]dist[/\\]chunks[/\\]chunk-[\w-]+\.js$/);
      }
    }
  });

  // The build carries a workspace dependency of plain data inside (tools/build/src/inlined.ts, decision 0019): its
  // sources are in that package's src/.
  const dependencies = Object.keys((manifest.dependencies ?? {}) as Record<string, string>);
  const sourceRoots = [dir, ...publicPackages.filter((p) => dependencies.includes(p.name)).map((p) => p.dir)].map(
    (root) => join(root, "src"),
  );

  test("every module's source map carries the sources it was built from, byte for byte", () => {
    for (const file of modules) {
      expect(files, `${file} should have a source map`).toContain(`${file}.map`);
      const map = JSON.parse(readFileSync(join(dist, `${file}.map`), "utf8")) as SourceMap;
      map.sources.forEach((source, i) => {
        const original = resolve(dirname(join(dist, file)), source);
        const inSources = sourceRoots.some((root) => original.startsWith(root));
        expect(inSources, `${file}.map names ${source}`).toBe(true);
        expect(map.sourcesContent?.[i], `${file}.map should embed ${source}`).toBe(readFileSync(original, "utf8"));
      });
      expect(readFileSync(join(dist, file), "utf8")).toContain(`//# sourceMappingURL=${file.split("/").pop()}.map`);
    }
  });

  test("ships no declaration maps: they would point at a src/ that is not in the tarball", () => {
    expect(files.filter((file) => file.endsWith(".d.ts.map"))).toEqual([]);
  });

  test("every subpath export has types for moduleResolution node10 (typesVersions)", () => {
    const exportsMap = manifest.exports as Record<string, unknown>;
    const typesVersions = (manifest.typesVersions as Record<string, Record<string, string[]>> | undefined)?.["*"];
    for (const [subpath, target] of Object.entries(exportsMap)) {
      if (subpath === "." || subpath === "./package.json") continue;
      const types = (target as { types?: string }).types;
      expect(types, `exports["${subpath}"] should name its types first`).toBeDefined();
      expect(typesVersions?.[subpath.slice(2)], `typesVersions["*"]["${subpath.slice(2)}"]`).toEqual([types]);
      expect(existsSync(join(dir, types as string))).toBe(true);
    }
  });
});

describe("the client's #crypto split", () => {
  const client = publicPackages.find((p) => p.name === "@journey-runs/client");
  test("stays an import of #crypto, resolved per environment, with both back ends built", () => {
    const dir = client?.dir as string;
    expect(staticImports(readFileSync(join(dir, "dist", "index.js"), "utf8"))).toContain("#crypto");
    for (const file of ["node.js", "web.js"]) expect(existsSync(join(dir, "dist", "crypto", file))).toBe(true);
  });
});
