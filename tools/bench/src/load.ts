/**
 * Request mixes under load: `connections` keep-alive connections, each sending one request after another for
 * `durationMs`, each request the next step of a mix. Each request carries its step's index in `x-bench-step`
 * (the fake ignores it; the node:http baseline answers with what the fake sent for that step). What it measures is
 * the server's own CPU time per request, read from /proc, so that the generator's cost never counts.
 */
import { type Agent, request } from "node:http";
import autocannon from "autocannon";
import { cpuMs } from "./support.js";

/** One request of a mix. */
export interface Step {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path and query. */
  readonly path: string;
  /** A JSON body. */
  readonly body?: string | undefined;
}

/** What a server answered a step with. */
export interface Answer {
  readonly status: number;
  readonly body: string;
}

/** Sends `step` (as step `index`) to `origin` over `agent`; resolves with the answer. */
export function send(origin: string, agent: Agent, step: Step, index: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "x-bench-step": String(index) };
    if (step.body !== undefined) headers["content-type"] = "application/json";
    // Control-plane writes carry the proof of intent (docs/decisions/0021-control-plane-intent.md).
    if (step.method !== "GET") headers["x-journey-runs-mock-intent"] = "control";
    const req = request(`${origin}${step.path}`, { method: step.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.once("error", reject);
    });
    req.once("error", reject);
    req.end(step.body);
  });
}

/** The server's CPU per request over one load, and how many requests it answered. */
export interface LoadResult {
  readonly requests: number;
  /** Microseconds of the server process's CPU (user + system) per request. */
  readonly cpuUs: number;
}

/**
 * Loads the server at `origin` (process `pid`) with `steps` for `durationMs`, with autocannon (fast enough to keep
 * the server busy, which a load generator on node:http's client is not on this machine): each request, on whichever
 * connection is free, is the step that `order()`'s function names next.
 */
export async function load(
  origin: string,
  pid: number | undefined,
  steps: readonly Step[],
  order: () => () => number,
  connections: number,
  durationMs: number,
): Promise<LoadResult> {
  const next = order();
  const before = cpuMs(pid);
  const result = await autocannon({
    url: origin,
    connections,
    duration: durationMs / 1000,
    requests: [
      {
        setupRequest: (request) => {
          const index = next();
          const step = steps[index] as Step;
          const headers: Record<string, string> = { "x-bench-step": String(index) };
          if (step.body !== undefined) headers["content-type"] = "application/json";
          if (step.method !== "GET") headers["x-journey-runs-mock-intent"] = "control";
          return {
            ...request,
            method: step.method,
            path: step.path,
            headers,
            ...(step.body === undefined ? {} : { body: step.body }),
          };
        },
      },
    ],
  });
  const after = cpuMs(pid);
  if (result.errors > 0) throw new Error(`[bench] ${origin}: ${result.errors} errors`);
  if (before === undefined || after === undefined) throw new Error("[bench] /proc/<pid>/stat is needed for CPU time");
  return { requests: result.requests.total, cpuUs: ((after - before) * 1000) / result.requests.total };
}

/** A small seeded random source (mulberry32), so every run of a bench asks the same pages in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
