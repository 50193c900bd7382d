import { accessSync, constants, existsSync } from "node:fs";
import { join } from "node:path";
import type { Repository, Workspace } from "./repository.js";

/** npm's own commands that a workflow may call: they run no script of the repository. */
const npmCommands = new Set(["ci", "install", "i", "publish", "pack", "audit", "version", "config"]);
/** npm commands that run a script of the same name. */
const npmScriptShortcuts = new Set(["test", "t", "start", "stop", "restart"]);
/** Programs of the runner image that a step may use as they are. */
const systemCommands = new Set(["git", "echo", "cd", "test", "mkdir", "cat", "ls"]);

function findWorkspace(repo: Repository, name: string): Workspace | undefined {
  return repo.workspaces.find((w) => w.name === name || w.path === name.replace(/^\.\//, "").replace(/\/$/, ""));
}

/** `npm run <script>` (with `-s`, `--if-present`, `-w <ws>`): the script must exist where npm will look. */
function checkNpmRun(args: string[], repo: Repository, cwd: string): string | undefined {
  const targets: Workspace[] = [];
  let script: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^(?:-w|--workspace)=(.+)$/.exec(arg);
    if (arg === "-w" || arg === "--workspace" || inline) {
      const name = inline?.[1] ?? args[++i] ?? "";
      const workspace = findWorkspace(repo, name);
      if (workspace === undefined) return `npm workspace "${name}" does not exist`;
      targets.push(workspace);
    } else if (arg === "--") break;
    else if (arg.startsWith("-")) continue;
    else script ??= arg;
  }
  if (script === undefined) return "npm run without a script name";
  if (targets.length === 0) {
    const here = cwd === "." ? { scripts: repo.scripts, name: "the root package.json" } : findWorkspace(repo, cwd);
    if (here === undefined) return `working-directory ${cwd} is not a workspace`;
    return here.scripts.has(script) ? undefined : `no "${script}" script in ${here.name}`;
  }
  const missing = targets.filter((w) => !w.scripts.has(script));
  return missing.length === 0 ? undefined : `no "${script}" script in ${missing.map((w) => w.name).join(", ")}`;
}

function checkFile(repo: Repository, cwd: string, file: string, executable: boolean): string | undefined {
  const path = join(repo.root, cwd, file);
  if (!existsSync(path)) return `${file} is not a file of the repository`;
  if (!executable) return undefined;
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `${file} is not executable`;
  }
}

/**
 * Why a command of a workflow step would not run in this repository, or `undefined` when it would: an npm script
 * that no package.json has, a file that is not there, an `npx` binary that is not installed, or a program that is
 * none of these.
 *
 * @example
 * ```ts
 * checkCommand(["npm", "run", "nope"], loadRepository(root)); // 'no "nope" script in the root package.json'
 * ```
 */
export function checkCommand(words: readonly string[], repo: Repository, cwd = "."): string | undefined {
  const rest = words.filter(
    (w, i) => !(/^[A-Z_][A-Z0-9_]*=/.test(w) && words.slice(0, i).every((p) => p.includes("="))),
  );
  const [program, ...args] = rest;
  if (program === undefined) return undefined;
  if (program === "npm") {
    if (args.every((a) => a.startsWith("-"))) return undefined; // npm --version
    const [command = "", ...more] = args.filter((a, i) => !(a.startsWith("-") && i === 0));
    if (command === "run" || command === "run-script") return checkNpmRun(more, repo, cwd);
    if (npmScriptShortcuts.has(command)) return checkNpmRun([command, ...more], repo, cwd);
    return npmCommands.has(command) ? undefined : `"npm ${command}" is not a command this check knows`;
  }
  if (program === "npx") {
    const bin = args.find((a) => !a.startsWith("-"));
    return bin !== undefined && repo.bins.has(bin) ? undefined : `npx ${bin ?? ""}: not in node_modules/.bin`;
  }
  if (program === "bash" || program === "sh" || program === "node") {
    const file = args.find((a) => !a.startsWith("-"));
    if (program === "node" && args.every((a) => a.startsWith("-") || args.includes("-p") || args.includes("-e"))) {
      return undefined; // node --version, node -p '...'
    }
    return file === undefined ? `${program} without a file` : checkFile(repo, cwd, file, false);
  }
  if (program.includes("/")) return checkFile(repo, cwd, program, true);
  return systemCommands.has(program)
    ? undefined
    : `"${program}" is neither an npm script, a file of the repository nor a known system command`;
}
