// Starts the journey-runs-mock bin the way a project does (node_modules/.bin), and stops it.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../node_modules/.bin/journey-runs-mock", import.meta.url));

/**
 * Starts `journey-runs-mock --port 0` and resolves with its URL (the first line it prints) and a `stop()` that sends
 * SIGTERM and resolves with the exit code. The bin itself, not `npx`: npm exec does not pass SIGTERM on.
 * @param {string[]} args more flags
 * @param {Record<string, string>} env more environment (the SigV4 keys)
 */
export async function startMock(args, env) {
  const child = spawn(bin, ["--port", "0", "--quiet", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const timeout = AbortSignal.timeout(10_000);
  let printed = "";
  for await (const chunk of child.stdout.setEncoding("utf8")) {
    printed += chunk;
    if (printed.includes("\n") || timeout.aborted) break;
  }
  const url = printed.split("\n")[0] ?? "";
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
    child.kill("SIGKILL");
    throw new Error(`journey-runs-mock printed ${JSON.stringify(printed)} instead of its URL`);
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      return code;
    },
  };
}
