import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

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
