import { spawnSync } from "node:child_process";

/** The contract's path inside the repository. */
export const contractPath = "openapi/journey-runs.yaml";

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) {
    return { ok: false, out: "", err: `git could not run (${result.error.message})` };
  }
  return { ok: result.status === 0, out: result.stdout, err: result.stderr.trim() };
}

/**
 * The top-level folder of the git work tree that holds `cwd`.
 *
 * @example
 * ```ts
 * repositoryRoot(process.cwd()); // "/work/main"
 * ```
 */
export function repositoryRoot(cwd: string): string {
  const result = git(["rev-parse", "--show-toplevel"], cwd);
  if (!result.ok) throw new Error(`[contract-diff] ${cwd} is not inside a git work tree: ${result.err}`);
  return result.out.trim();
}

/**
 * The text of a file as it was at a git ref (`git show <ref>:<path>`).
 *
 * @example
 * ```ts
 * fileAtRef("/work/main", "main~1", "openapi/journey-runs.yaml");
 * ```
 */
export function fileAtRef(root: string, ref: string, path: string): string {
  if (ref.startsWith("-") || ref.includes(":")) {
    throw new Error(`[contract-diff] "${ref}" is not a git ref: give a branch, tag or commit such as main or HEAD~1.`);
  }
  const result = git(["show", `${ref}:${path}`], root);
  if (!result.ok) {
    throw new Error(
      `[contract-diff] Cannot read ${path} at "${ref}": ${result.err.replace(/\.$/, "")}. ` +
        "Check the ref's name, or fetch it first (a shallow clone may not have it).",
    );
  }
  return result.out;
}
