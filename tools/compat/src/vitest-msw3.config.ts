/**
 * Runs a package's own vitest configuration with every import of `msw` (and `msw/node`, `msw/browser`, ...)
 * resolved to msw 3 from `runtimes/node_modules/msw3`. The matrix sets three variables:
 * `COMPAT_PACKAGE_DIR` (the package), `COMPAT_MSW3_DIR` (msw 3) and `COMPAT_MSW_MARKER` (a file where each
 * redirected import is written, so the matrix can prove which msw ran).
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
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

const loaded = await loadConfigFromFile({ command: "serve", mode: "test" }, undefined, packageDir);
const base = (loaded?.config ?? {}) as UserConfig & { test?: { projects?: unknown[] } };
const projects = base.test?.projects?.map((project) =>
  project !== null && typeof project === "object"
    ? {
        ...project,
        root: (project as { root?: string }).root ?? packageDir,
        plugins: [msw3, ...((project as UserConfig).plugins ?? [])],
      }
    : project,
);

const config = {
  ...base,
  root: packageDir,
  plugins: [msw3, ...(base.plugins ?? [])],
  test: { ...base.test, ...(projects === undefined ? {} : { projects }) },
} as UserConfig;

export default config;
