import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { Plugin } from "esbuild";

/** What `inlinedDependencies` reads of a dependency: its manifest and where it really lives. */
export interface Dependency {
  readonly manifest: Readonly<Record<string, unknown>>;
  /** The real directory of the dependency (symlinks followed): a workspace package is outside `node_modules`. */
  readonly dir: string;
}

const hasEntries = (value: unknown): boolean =>
  value !== null && typeof value === "object" && Object.keys(value).length > 0;

/**
 * The dependencies that the bundles carry inside instead of importing at run time: a package of the same workspace
 * (its real path is outside `node_modules`) with no dependencies of its own and `sideEffects: false`, which is plain
 * generated data (the values of `@journey-runs/types`). Each one left external costs every cold import a second
 * package resolution and module (docs/decisions/0019-inline-workspace-data.md); the dependency stays in the manifest
 * for its types. Anything with dependencies, state or side effects stays external: one copy of it for all importers.
 *
 * @example
 * ```ts
 * inlinedDependencies({ dependencies: { "@journey-runs/types": "0.1.0", "openapi-fetch": "^0.17.0" } }, read);
 * // ["@journey-runs/types"]
 * ```
 */
export function inlinedDependencies(
  manifest: Readonly<Record<string, unknown>>,
  read: (name: string) => Dependency | undefined,
): string[] {
  const dependencies = manifest.dependencies;
  if (dependencies === null || typeof dependencies !== "object") return [];
  return Object.keys(dependencies)
    .filter((name) => {
      const found = read(name);
      if (!found || found.dir.split(sep).includes("node_modules")) return false;
      const { manifest: own } = found;
      return own.sideEffects === false && !hasEntries(own.dependencies) && !hasEntries(own.peerDependencies);
    })
    .sort();
}

/**
 * Reads a dependency of the package in `packageDir` where Node would find it (the nearest `node_modules` up the
 * tree; its `exports` need not expose `package.json`), or `undefined` where it is not installed.
 */
export function readDependency(packageDir: string): (name: string) => Dependency | undefined {
  const require = createRequire(join(packageDir, "package.json"));
  return (name) => {
    for (const modules of require.resolve.paths(name) ?? []) {
      const path = join(modules, name, "package.json");
      if (!existsSync(path)) continue;
      const real = realpathSync(path);
      return { manifest: JSON.parse(readFileSync(real, "utf8")) as Record<string, unknown>, dir: dirname(real) };
    }
    return undefined;
  };
}

const packageName = (specifier: string): string => specifier.split("/", specifier.startsWith("@") ? 2 : 1).join("/");

/**
 * Leaves every bare import (`openapi-fetch`, `node:crypto`, `#crypto`) external, except the packages of `inlined`,
 * which esbuild resolves and bundles.
 */
export function externalExcept(inlined: readonly string[]): Plugin {
  const keep = new Set(inlined);
  return {
    name: "external-except",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        args.kind === "entry-point" || keep.has(packageName(args.path))
          ? undefined
          : { path: args.path, external: true },
      );
    },
  };
}
