// @ts-check
/** Where the runner reads and writes: the repository, `examples/`, and the tarballs every example installs. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const examplesDir = join(repoRoot, "examples");
/** Gitignored; examples depend on `file:../.tarballs/<file>`. */
export const tarballsDir = join(examplesDir, ".tarballs");

/** The public packages, each packed to a fixed file name so that examples' package.json files never change. */
export const publicPackages = Object.freeze([
  { name: "@journey-runs/types", dir: join(repoRoot, "packages", "types"), file: "journey-runs-types.tgz" },
  { name: "@journey-runs/client", dir: join(repoRoot, "packages", "client"), file: "journey-runs-client.tgz" },
  { name: "@journey-runs/msw", dir: join(repoRoot, "packages", "msw"), file: "journey-runs-msw.tgz" },
]);
