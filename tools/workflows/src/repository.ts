import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** One workspace of the repository, as its package.json declares it. */
export interface Workspace {
  readonly name: string;
  /** The folder, relative to the repository's root (`tools/contract-diff`). */
  readonly path: string;
  readonly version: string;
  readonly private: boolean;
  readonly scripts: ReadonlyMap<string, string>;
}

/** What a workflow's commands may refer to: the root's scripts, the workspaces and the installed binaries. */
export interface Repository {
  readonly root: string;
  readonly scripts: ReadonlyMap<string, string>;
  readonly workspaces: readonly Workspace[];
  /** The commands in `node_modules/.bin`, which `npx` runs without downloading anything. */
  readonly bins: ReadonlySet<string>;
}

interface Manifest {
  name?: string;
  version?: string;
  private?: boolean;
  workspaces?: string[];
  scripts?: Record<string, string>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

const scriptsOf = (m: Manifest) => new Map(Object.entries(m.scripts ?? {}));

/** The folders that a `workspaces` entry names: a folder, or `dir/*` for each folder of `dir` with a package.json. */
function expand(root: string, pattern: string): string[] {
  if (!pattern.endsWith("/*")) return [join(root, pattern)];
  const parent = join(root, pattern.slice(0, -2));
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(parent, entry.name));
}

/**
 * Reads the repository's root package.json, its workspaces and `node_modules/.bin`.
 *
 * @example
 * ```ts
 * loadRepository("/work/main").workspaces.filter((w) => !w.private).map((w) => w.name);
 * ```
 */
export function loadRepository(root: string): Repository {
  const rootManifest = manifest(root);
  const workspaces = (rootManifest.workspaces ?? [])
    .flatMap((pattern) => expand(root, pattern))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir): Workspace => {
      const m = manifest(dir);
      return {
        name: m.name ?? relative(root, dir),
        path: relative(root, dir),
        version: m.version ?? "",
        private: m.private === true,
        scripts: scriptsOf(m),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const binDir = join(root, "node_modules", ".bin");
  const bins = new Set(existsSync(binDir) ? readdirSync(binDir) : []);
  return { root, scripts: scriptsOf(rootManifest), workspaces, bins };
}
