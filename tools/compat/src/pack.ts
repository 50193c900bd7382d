import { spawnSync } from "node:child_process";

/** A file that should not be in a package's tarball, and why. */
export interface PackProblem {
  readonly path: string;
  readonly reason: string;
}

const topLevel = /^(package\.json|README\.md|LICENSE(\.md|\.txt)?|CHANGELOG\.md)$/i;
/** Committed bin shims (docs/decisions/0014-bundled-dist.md): small JavaScript files that load the built CLI. */
const binShim = /^bin\/[\w-]+\.m?js$/;
/** Guides and contracts a package ships for its users (docs/*.md, openapi/*.yaml): one folder level, nothing else. */
const userDoc = /^(docs\/[\w-]+\.md|openapi\/[\w-]+\.ya?ml)$/;
const distFile =
  /^dist\/.+\.(js|mjs|cjs|d\.ts|d\.mts|d\.cts|js\.map|mjs\.map|cjs\.map|d\.ts\.map|d\.mts\.map|d\.cts\.map|json)$/;
const forbidden: readonly [RegExp, string][] = [
  [/(^|\/)(test|tests|__tests__|__mocks__)\//, "a test folder"],
  [/\.(test|spec)(-d)?\.[cm]?[jt]sx?(\.map)?$|\.(test|spec)(-d)?\.d\.[cm]?ts(\.map)?$/, "a test"],
  [/(^|\/)fixtures?\//, "a test fixture"],
  [/(^|\/)bench(marks?)?\//, "a benchmark"],
  [/\.tsbuildinfo$/, "a TypeScript build cache"],
];

/**
 * Checks the paths of a tarball against what a user needs: `package.json`, `README.md`, a licence or changelog, and
 * under `dist/` only JavaScript, declarations, their source maps and JSON, and bin shims in `bin/`. Tests, fixtures, benchmarks and sources
 * outside `dist/` are problems.
 *
 * @example
 * ```ts
 * checkPackFiles(["package.json", "dist/index.js", "src/index.ts"]);
 * // [{ path: "src/index.ts", reason: "not something a user needs: only dist/**, README.md, ..." }]
 * ```
 */
export function checkPackFiles(paths: readonly string[]): PackProblem[] {
  return paths.flatMap((path): PackProblem[] => {
    const hit = forbidden.find(([pattern]) => pattern.test(path));
    if (hit !== undefined) return [{ path, reason: `${hit[1]} is not for users` }];
    if (topLevel.test(path) || distFile.test(path) || binShim.test(path) || userDoc.test(path)) return [];
    return [
      {
        path,
        reason:
          "not something a user needs: only dist/** JS, d.ts, maps and JSON, bin/ shims, docs/*.md, openapi/*.yaml, README.md, package.json, LICENSE",
      },
    ];
  });
}

/** The entry files that `package.json` promises (`exports`, `main`, `types`, `bin`), as tarball paths. */
export function promisedFiles(manifest: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.startsWith("./") && !value.includes("*") && value !== "./package.json") found.add(value.slice(2));
    } else if (value !== null && typeof value === "object") {
      for (const child of Object.values(value)) collect(child);
    }
  };
  for (const key of ["exports", "main", "module", "types", "bin"]) {
    const value = manifest[key];
    collect(typeof value === "string" && !value.startsWith("./") ? `./${value}` : value);
  }
  return [...found].sort();
}

/**
 * The paths that `npm pack --dry-run --json` would put in the package's tarball (scripts are not run).
 *
 * @example
 * ```ts
 * packedFiles("packages/types"); // ["README.md", "dist/index.d.ts", ...]
 * ```
 */
export function packedFiles(packageDir: string): string[] {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: packageDir,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`[compat] npm pack --dry-run failed in ${packageDir}: ${result.stderr.trim()}`);
  }
  const [report] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
  if (report === undefined) throw new Error(`[compat] npm pack --dry-run printed no report in ${packageDir}.`);
  return report.files.map((file) => file.path).sort();
}
