// What the benches of this package share: starting a child server, its CPU time, medians.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/**
 * Starts a node child that prints its URL first; resolves with the URL, the milliseconds from spawn to that line, the
 * child, and a stop function (SIGTERM, resolves on exit).
 */
export async function startChild(args, env = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
  return {
    url,
    ms: performance.now() - started,
    child,
    stop: () => new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM")),
  };
}

/** CPU time (user + system) a process has used so far, in ms; `undefined` where /proc is missing. */
export function cpuMs(pid) {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const fields = readFileSync(file, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
