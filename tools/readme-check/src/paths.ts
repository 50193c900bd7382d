/** The package READMEs this tool checks, and where it writes its scratch files. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const toolDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(toolDir, "..", "..");
/** Scratch files of the typecheck, inside this workspace so that package imports resolve (gitignored). */
export const workDir = join(toolDir, ".work");

/** The READMEs of the public packages, as paths relative to the repository. */
export const packageReadmes = ["types", "client", "msw"]
  .map((name) => `packages/${name}/README.md`)
  .filter((path) => existsSync(join(repoRoot, path)));
