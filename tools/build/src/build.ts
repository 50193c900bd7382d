import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { type Entry, entryPoints, internalImports } from "./entries.js";
import { externalExcept, inlinedDependencies, readDependency } from "./inlined.js";

/** What one build wrote. */
export interface BuildReport {
  /** The JavaScript files in `dist/`, relative to the package. */
  readonly files: readonly string[];
}

const require = createRequire(import.meta.url);

/**
 * Builds the package in `packageDir`: empties `dist/`, bundles every entry point of its manifest into one ES module
 * each (shared code in `dist/chunks/`, except that a program only a bin runs is one file with all it needs; every
 * bare import and every `#name` of `imports` left external, except the workspace's plain data packages that
 * `inlinedDependencies` names; linked source maps that carry their sources), then
 * writes the declarations with `tsc -p tsconfig.build.json`.
 *
 * @example
 * ```ts
 * await buildPackage("packages/client"); // dist/index.js, dist/crypto/node.js, dist/crypto/web.js, *.d.ts
 * ```
 */
export async function buildPackage(packageDir: string): Promise<BuildReport> {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Record<string, unknown>;
  const entries = entryPoints(manifest, (path) => readFileSync(join(packageDir, path), "utf8"));
  const missing = entries.filter((entry) => !existsSync(join(packageDir, entry.source)));
  if (missing.length > 0) {
    const list = missing.map((entry) => `${entry.output} (from ${entry.source})`).join(", ");
    throw new Error(
      `[build] package.json of ${packageDir} promises ${list}, but the source is missing. ` +
        "Add the source file or fix the path in exports, imports or bin.",
    );
  }
  const inlined = inlinedDependencies(manifest, readDependency(packageDir));
  rmSync(join(packageDir, "dist"), { recursive: true, force: true });
  const common = {
    absWorkingDir: packageDir,
    outdir: "dist",
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // Bare imports stay external, but for the workspace's plain data packages (src/inlined.ts).
    plugins: [externalExcept(inlined)] as Plugin[],
    external: internalImports(manifest),
    sourcemap: "linked",
    sourcesContent: true,
    minify: false,
    treeShaking: true,
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  } as const;
  const point = (entry: Entry) => ({ in: entry.source, out: entry.output.slice("dist/".length, -3) });
  const modules = entries.filter((entry) => !entry.program);
  const programs = entries.filter((entry) => entry.program);
  // Modules share their code through chunks (one copy of each module's state); each program is one file.
  const results = await Promise.all([
    modules.length === 0
      ? undefined
      : build({ ...common, entryPoints: modules.map(point), splitting: true, chunkNames: "chunks/[name]-[hash]" }),
    ...programs.map((entry) => build({ ...common, entryPoints: [point(entry)], splitting: false })),
  ]);
  const tsc = require.resolve("typescript/bin/tsc");
  const types = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
    cwd: packageDir,
    stdio: "inherit",
  });
  if (types.status !== 0) {
    throw new Error(`[build] tsc could not write the declarations of ${packageDir} (exit ${types.status}).`);
  }
  const files = results
    .flatMap((result) => (result ? Object.keys(result.metafile.outputs) : []))
    .filter((file) => file.endsWith(".js"))
    .sort();
  return { files };
}
