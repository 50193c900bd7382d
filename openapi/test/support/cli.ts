import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { CONTRACT_DIR, CONTROL_CONTRACT_PATH } from "./paths.js";

/** What one run of a package script printed and how it exited. */
export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The `lint:contract` script of openapi/package.json, exactly as CI runs it. */
export function lintContractScript(): string {
  const manifest = JSON.parse(readFileSync(join(CONTRACT_DIR, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.["lint:contract"];
  if (script === undefined) throw new Error("openapi/package.json has no lint:contract script.");
  return script;
}

/**
 * Runs the `lint:contract` script on `contract` in a scratch copy of the workspace layout: the contract file is
 * `contract` and `spectral/` is a link to the real ruleset folder, so the ruleset file (and the paths of its
 * overrides) are exactly CI's. The scratch folder lives under node_modules so that the ruleset's packages resolve.
 * The control plane's contract is the real one unless `control` replaces its text.
 */
export async function runLintContract(
  contract: string,
  extraArguments = "",
  control = readFileSync(CONTROL_CONTRACT_PATH, "utf8"),
): Promise<ScriptRun> {
  const base = join(CONTRACT_DIR, "node_modules", ".cache", "contract-lint");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, "run-"));
  try {
    writeFileSync(join(dir, "journey-runs.yaml"), contract);
    writeFileSync(join(dir, "journey-runs-mock-control.yaml"), control);
    symlinkSync(join(CONTRACT_DIR, "spectral"), join(dir, "spectral"), "dir");
    const bins = [join(CONTRACT_DIR, "node_modules", ".bin"), join(CONTRACT_DIR, "..", "node_modules", ".bin")];
    const child = spawn(`${lintContractScript()}${extraArguments}`, {
      cwd: dir,
      shell: true,
      env: { ...process.env, PATH: [...bins, process.env.PATH ?? ""].join(delimiter), NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const status = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    return { status, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
