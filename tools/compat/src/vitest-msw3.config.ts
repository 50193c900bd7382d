/**
 * Runs a package's own vitest configuration (its `vitest.config.*`: projects, type tests and all) with every import of
 * `msw` (and `msw/node`, `msw/browser`, ...) resolved to msw 3 from `runtimes/node_modules/msw3`, and its type tests
 * checked against msw 3's types (a tsconfig beside the marker file extends the package's with `paths` to msw 3).
 * The matrix sets three variables: `COMPAT_PACKAGE_DIR` (the package), `COMPAT_MSW3_DIR` (msw 3) and
 * `COMPAT_MSW_MARKER` (a file where each redirected import is written, so the matrix can prove which msw ran).
 */
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfigFromFile, type Plugin, type UserConfig } from "vite";

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`[compat] ${name} is not set: run this configuration through tools/compat/src/matrix.ts.`);
  }
  return value;
}

const packageDir = required("COMPAT_PACKAGE_DIR");
const msw3Dir = required("COMPAT_MSW3_DIR");
const marker = required("COMPAT_MSW_MARKER");
// Bare `msw3/...` specifiers resolve from here: the runtimes project whose node_modules holds msw 3.
const anchor = join(msw3Dir, "..", "..", "package.json");

const msw3: Plugin = {
  name: "journey-runs-compat:msw3",
  enforce: "pre",
  async resolveId(source, _importer, options) {
    if (source !== "msw" && !source.startsWith("msw/")) return null;
    const resolved = await this.resolve(`msw3${source.slice(3)}`, anchor, { ...options, skipSelf: true });
    if (resolved === null) throw new Error(`[compat] msw 3 has no export for "${source}".`);
    appendFileSync(marker, `${source} -> ${resolved.id}\n`);
    return resolved;
  },
};

// Vite looks for vite.config.* only: without naming the package's vitest.config.* it would run vitest's defaults
// (no projects, no type tests), which once made this cell run 272 tests where the msw 2 cells ran 277.
const configFile = ["vitest.config.ts", "vitest.config.mts", "vitest.config.js", "vitest.config.mjs"]
  .map((name) => join(packageDir, name))
  .find((path) => existsSync(path));
if (configFile === undefined) throw new Error(`[compat] ${packageDir} has no vitest.config.{ts,mts,js,mjs}.`);
const loaded = await loadConfigFromFile({ command: "serve", mode: "test" }, configFile, packageDir);
if (loaded === null) throw new Error(`[compat] could not load ${configFile}.`);
const base = loaded.config as UserConfig & { test?: { projects?: unknown[]; typecheck?: { tsconfig?: string } } };

/** A tsconfig that extends `tsconfig` (relative to the package) and maps msw's entry points to msw 3's types. */
const msw3Tsconfig = (tsconfig: string): string => {
  const file = join(dirname(marker), `tsconfig-msw3-${tsconfig.replace(/\W+/g, "_")}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      extends: join(packageDir, tsconfig),
      compilerOptions: {
        // Type roots are looked up from a tsconfig's own folder: name the package's and the workspace's.
        typeRoots: [join(packageDir, "node_modules", "@types"), join(packageDir, "..", "..", "node_modules", "@types")],
        paths: {
          msw: [join(msw3Dir, "lib/core/index.d.ts")],
          "msw/*": [join(msw3Dir, "lib/*/index.d.ts")],
        },
      },
    }),
  );
  return file;
};
type Project = UserConfig & { root?: string; test?: { typecheck?: { enabled?: boolean; tsconfig?: string } } };
const projects = base.test?.projects?.map((project) => {
  if (project === null || typeof project !== "object") return project;
  const { test } = project as Project;
  const typecheck = test?.typecheck?.enabled
    ? { typecheck: { ...test.typecheck, tsconfig: msw3Tsconfig(test.typecheck.tsconfig ?? "tsconfig.json") } }
    : {};
  return {
    ...project,
    root: (project as Project).root ?? packageDir,
    plugins: [msw3, ...((project as UserConfig).plugins ?? [])],
    ...(test ? { test: { ...test, ...typecheck } } : {}),
  };
});

const config = {
  ...base,
  root: packageDir,
  plugins: [msw3, ...(base.plugins ?? [])],
  test: { ...base.test, ...(projects === undefined ? {} : { projects }) },
} as UserConfig;

export default config;
