/** The package READMEs (and their topic pages) this tool checks, and where it writes its scratch files. */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const toolDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(toolDir, "..", "..");
/** Scratch files of the typecheck, inside this workspace so that package imports resolve (gitignored). */
export const workDir = join(toolDir, ".work");

/**
 * The READMEs of the public packages, each followed by the topic pages of its `docs/` folder (what a README links
 * to instead of growing), as paths relative to the repository.
 */
export const packageReadmes = ["types", "client", "msw"].flatMap((name) => {
  const docs = join(repoRoot, "packages", name, "docs");
  const pages = existsSync(docs)
    ? readdirSync(docs)
        .filter((file) => file.endsWith(".md"))
        .sort()
        .map((file) => `packages/${name}/docs/${file}`)
    : [];
  return [`packages/${name}/README.md`, ...pages].filter((path) => existsSync(join(repoRoot, path)));
});
