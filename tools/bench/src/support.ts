/** What the benches share: statistics, the machine line, the sections of docs/benchmarks.md, child servers. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname } from "node:path";
import { createInterface } from "node:readline";

/** The load average (1 minute) when this bench process started. */
export const LOAD_AT_START = loadavg()[0] ?? 0;

/** The median of `values` (the lower middle for an even count). */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

/** The `q` quantile (0..1) of `values`, nearest rank. */
export const quantile = (values: readonly number[], q: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;

/** Shuffles a copy of `items` (each round runs its cases in a new order). */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** One line that names the machine, the Node version, the load when the bench started and the date. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return (
    `Machine: Node ${process.version}, ${cpus().length} CPUs (${cpu}), load average ${LOAD_AT_START.toFixed(1)} ` +
    `when it started. Measured ${new Date().toISOString().slice(0, 10)}.`
  );
}

/**
 * Replaces the section `<!-- bench:NAME:start -->` ... `<!-- bench:NAME:end -->` of docs/benchmarks.md with `body`,
 * or appends it when the file has no such section yet.
 */
export function writeSection(name: string, body: string): void {
  const docs = new URL("../../../docs/benchmarks.md", import.meta.url);
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const text = readFileSync(docs, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(docs, next);
}

/** A verdict word for a budget. */
export const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");

/** Formats a number with thousands separators. */
export const int = (value: number): string => Math.round(value).toLocaleString("en-US");

/** A server started as a child process that printed its URL first. */
export interface Child {
  readonly url: string;
  /** Milliseconds from spawn to the URL line. */
  readonly ms: number;
  readonly child: ChildProcess;
  /** SIGTERM; resolves when the child has exited. */
  stop(): Promise<void>;
}

/** Starts `node args` with `env` added, and resolves once it prints its URL (its first line). */
export async function startChild(args: readonly string[], env: Record<string, string> = {}): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
  return {
    url,
    ms: performance.now() - started,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve()).kill("SIGTERM");
      }),
  };
}

/**
 * CPU time (user + system) that process `pid` has used so far, in ms, from /proc (so a load generator's own cost is
 * never counted); `undefined` where /proc is missing.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = (readFileSync(file, "utf8").split(") ")[1] ?? "").split(" ");
  // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The directory of an installed package (its package.json's folder), resolved from this workspace. */
export const packageDir = (name: string): string =>
  dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
