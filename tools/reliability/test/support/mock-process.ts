import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createRequire } from "node:module";

/** `journey-runs-mock` running as its own process (its own clock), and everything it printed. */
export interface MockProcess {
  readonly url: string;
  /** stdout and stderr so far. */
  readonly output: () => string;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Starts the `journey-runs-mock` command of the built package on a free port, with `env` added. */
export const startMockProcess = async (args: string[] = [], env: Record<string, string> = {}): Promise<MockProcess> => {
  const cli = createRequire(import.meta.url)
    .resolve("@journey-runs/msw/package.json")
    .replace(/package\.json$/, "dist/server/cli.js");
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cli, "--port", "0", ...args], {
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (found) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`journey-runs-mock exited with ${code}: ${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
};
