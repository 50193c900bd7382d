import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compatDir, lockedInstall } from "./paths.js";

/** The separate npm project that holds the TypeScript versions of the type matrix. */
export const typescriptsDir = join(compatDir, "typescripts");

/** A TypeScript of the matrix: the alias it is installed under, its version and its `tsc` script. */
export interface InstalledTypeScript {
  readonly alias: string;
  readonly version: string;
  readonly tsc: string;
}

function installed(): InstalledTypeScript[] | undefined {
  const manifest = JSON.parse(readFileSync(join(typescriptsDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  const found: InstalledTypeScript[] = [];
  for (const alias of Object.keys(manifest.dependencies)) {
    const dir = join(typescriptsDir, "node_modules", alias);
    if (!existsSync(join(dir, "package.json"))) return undefined;
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
    found.push({ alias, version, tsc: join(dir, "bin", "tsc") });
  }
  return found;
}

/**
 * The TypeScript versions of `typescripts/package.json`, installed first with `npm ci` from its lockfile when they
 * are missing (once per clone: the folder is a cache outside the workspaces, like `runtimes/`).
 *
 * @example
 * ```ts
 * ensureTypeScripts().map((ts) => ts.version); // ["5.3.3", "5.4.5", "5.9.3", "6.0.3", "7.0.2"]
 * ```
 */
export function ensureTypeScripts(): InstalledTypeScript[] {
  const ready = installed();
  if (ready !== undefined) return ready;
  // From the committed lockfile, as every install of CI (docs/decisions/0024-ci-inputs.md).
  const result = spawnSync(
    process.execPath,
    [lockedInstall, typescriptsDir, "--no-audit", "--no-fund", "--engine-strict=false"],
    {
      cwd: typescriptsDir,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const after = installed();
  if (result.status !== 0 || after === undefined) {
    throw new Error(
      `[compat] Could not install the TypeScript versions into ${typescriptsDir} (its locked install exited ${result.status}). ` +
        "They come from the npm registry: check that it is reachable, then run node tools/examples/src/locked-install.mjs on that folder.",
    );
  }
  return after;
}
