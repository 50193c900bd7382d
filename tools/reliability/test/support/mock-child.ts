import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { type Agent, request } from "node:http";
import { createRequire } from "node:module";
import { connect, type Socket } from "node:net";

/** `JOURNEY_RUNS_MOCK_CLI=/path/to/cli.js` runs these tests against another build (e.g. an older one, to see them fail). */
const CLI_VARIABLE = "JOURNEY_RUNS_MOCK_CLI";

/** `journey-runs-mock` in its own process, with what the OS says about it. */
export interface MockChild {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcessWithoutNullStreams;
  /** stderr (and stdout, while it is read) so far. */
  readonly output: () => string;
  /** Resolves with the exit code (or the signal) once the process ends. */
  readonly exited: Promise<number | string>;
  /** The process's resident memory now and at its peak, in MiB (Linux `/proc`). */
  memory(): { rss: number; peak: number };
}

/** The bin of the built package (or `JOURNEY_RUNS_MOCK_CLI`). */
export const mockCli = (): string =>
  process.env[CLI_VARIABLE] ??
  createRequire(import.meta.url)
    .resolve("@journey-runs/msw/package.json")
    .replace(/package\.json$/, "dist/server/cli.js");

/** Starts the bin on a free port with `args`, node flags `nodeFlags` and `env` added; resolves once it listens. */
export const startMockChild = async (
  args: string[] = [],
  options: { nodeFlags?: string[]; env?: Record<string, string> } = {},
): Promise<MockChild> => {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), mockCli(), "--port", "0", ...args], {
    env: { ...process.env, ...options.env },
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (found) resolve(found);
    });
    void exited.then((code) => reject(new Error(`journey-runs-mock exited with ${code}: ${output}`)));
  });
  const status = (field: string): number =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) /
    1024;
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid as number,
    child,
    output: () => output,
    exited,
    memory: () => ({ rss: status("VmRSS"), peak: status("VmHWM") }),
  };
};

/**
 * A GET over a keep-alive agent; resolves with the status, or the error code when the connection failed. `onSent`
 * runs once the request is written to a connected socket.
 */
export const get = (
  url: string,
  headers: Record<string, string>,
  agent: Agent,
  onSent?: () => void,
): Promise<number | string> =>
  new Promise((resolve) => {
    const req = request(url, { headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    if (onSent) req.once("finish", onSent);
    req.end();
  });

/** What a raw socket received until the server closed it (or `waitMs` passed), and whether it closed. */
export interface RawExchange {
  readonly text: string;
  readonly closed: boolean;
}

/**
 * Opens a TCP connection, lets `drive` write to it, and collects what comes back until close or `waitMs` (or, with
 * `untilAnswer`, until one whole response has arrived).
 */
export const rawExchange = (
  port: number,
  drive: (socket: Socket) => void,
  waitMs = 3_000,
  untilAnswer = false,
): Promise<RawExchange> =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => drive(socket));
    let text = "";
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const answer = untilAnswer ? parseResponse(text) : undefined;
      if (answer && text.length >= text.indexOf("\r\n\r\n") + 4 + Number(answer.headers.get("content-length"))) {
        finish(false);
      }
    });
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
  });

/** The first HTTP response in `text`: status, headers (lower-case names) and body (by Content-Length). */
export const parseResponse = (text: string): { status: number; headers: Headers; body: string } | undefined => {
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine = "", ...lines] = text.slice(0, end).split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = new Headers();
  for (const line of lines) headers.append(line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim());
  const length = Number(headers.get("content-length") ?? 0);
  return { status, headers, body: text.slice(end + 4, end + 4 + length) };
};
