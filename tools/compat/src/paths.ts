import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of this workspace, `tools/compat`. */
export const compatDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The repository's root folder. */
export const repoRoot = join(compatDir, "..", "..");

/** The separate npm project that holds Node 22, Node 24 and msw 3 (see runtimes/package.json for why). */
export const runtimesDir = join(compatDir, "runtimes");

/** Installs a project from its committed lockfile, naming what the registry published since (tools/examples). */
export const lockedInstall = join(repoRoot, "tools", "examples", "src", "locked-install.mjs");

/** The public packages, in the order they depend on each other. */
export const publicPackages = [
  { name: "@journey-runs/types", dir: join(repoRoot, "packages", "types") },
  { name: "@journey-runs/client", dir: join(repoRoot, "packages", "client") },
  { name: "@journey-runs/msw", dir: join(repoRoot, "packages", "msw") },
] as const;
