import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { awsErrorResponse, type FakeResponse, REQUEST_ID_HEADER } from "../aws-response.js";
import { RUNS_PATH_TEMPLATE } from "../contract-rules.js";
import { type JourneyRunsFake, PAYLOAD_QUOTA_BYTES } from "../fake.js";
import type { Seed } from "../random.js";
import { isControlPath } from "./control/control-plane.js";
import {
  type ControlServerOptions,
  createServerFake,
  resolveData,
  setUpServerControl,
} from "./control/server-control.js";
import { corsHeaders, isPreflight, preflightHeaders } from "./cors.js";
import type { SigV4Credentials } from "./sigv4.js";

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends ControlServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed of the store. Default 1. */
  seed?: Seed;
  /** Runs to add to the official example journey. Default 0. */
  runs?: number;
  /** Milliseconds to wait before each answer. Default 0. */
  latency?: number;
  /** Serve this fake (for example a mock that MSW also uses) instead of a new one; `seed` and `runs` are then ignored. */
  fake?: JourneyRunsFake;
  /** When given, every request must carry a valid AWS Signature Version 4 made with this key. */
  credentials?: SigV4Credentials;
  /** Receives one line per request (method, path, status, time, request id); never credentials. */
  log?: (line: string) => void;
  /** Sees every response the server sends (not preflights), for recording or checking it. */
  onResponse?: (response: FakeResponse) => void;
}

/** A running `journey-runs-mock`. */
export interface MockServer {
  /** `http://HOST:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly fake: JourneyRunsFake;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

type Answer = FakeResponse | { kind: "network-error" } | { kind: "preflight"; headers: Record<string, string> };

function headerGetter(req: IncomingMessage): { get(name: string): string | null } {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > PAYLOAD_QUOTA_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Query parameters of presigned AWS requests whose values are credentials: the signature and the session token. */
const SECRET_QUERY = /([?&](?:X-Amz-Signature|X-Amz-Security-Token)=)[^&#]*/gi;

/** The request target as the log shows it: the values of credential query parameters replaced by `[redacted]`. */
function loggedTarget(target: string): string {
  return target.replace(SECRET_QUERY, "$1[redacted]");
}

function hostForUrl(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Starts `journey-runs-mock` on node:http: the same fake as the MSW handlers, for any HTTP client (AWS SDKs and
 * CLI, curl). Other paths get 404 NotFoundException; `Prefer: code=NNN` forces a documented error.
 *
 * @example
 * ```ts
 * import { startMockServer } from "@journey-runs/msw/server";
 * const server = await startMockServer({ port: 0, runs: 100 });
 * await fetch(`${server.url}/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs`);
 * await server.close();
 * ```
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const recipe = { seed: options.seed, runs: options.runs, latency: options.latency };
  const data = resolveData(options.data);
  const fake = options.fake ?? createServerFake(recipe, data);
  if (options.fake && data) fake.load(data);
  if (options.fake && options.latency !== undefined) fake.setLatency(options.latency);
  const host = options.host ?? "127.0.0.1";
  const plane = setUpServerControl(host, options, { fake, recipe, data, credentials: options.credentials });
  const log = options.log;

  async function answer(req: IncomingMessage, path: string, query: string): Promise<Answer> {
    if (isPreflight(req.method, req.headers)) return { kind: "preflight", headers: preflightHeaders(req.headers) };
    const target = plane.target(req, query);
    const verify = target.verify;
    if (verify) {
      const body = await readBody(req);
      if (!body) return awsErrorResponse(413, "Request payload exceeds the 7 MB quota");
      const verdict = await verify({ method: req.method ?? "GET", path, query, headers: req.headersDistinct, body });
      if (!verdict.ok) return awsErrorResponse(403, verdict.message);
    } else req.resume();
    const fake = target.fake();
    if ("kind" in fake) return fake;
    const result = await fake.handle({ method: req.method ?? "GET", path, query, headers: headerGetter(req) });
    return (
      result ??
      awsErrorResponse(
        404,
        `No operation at ${req.method} ${path.slice(0, 256)}: this server only serves GetJourneyRuns (GET ${RUNS_PATH_TEMPLATE}).`,
      )
    );
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const path = q < 0 ? target : target.slice(0, q);
    if (plane.handle && isControlPath(path)) return plane.handle(req, res, path, q < 0 ? "" : target.slice(q + 1));
    let result: Answer;
    try {
      result = await answer(req, path, q < 0 ? "" : target.slice(q + 1));
    } catch {
      result = awsErrorResponse(500, "Internal server error");
    }
    if (result.kind === "network-error") {
      req.socket.destroy();
      log?.(`${req.method} ${loggedTarget(target)} -> network error`);
      return;
    }
    if (result.kind === "preflight") {
      res.writeHead(204, result.headers).end();
    } else {
      options.onResponse?.(result);
      // One Buffer for the body: node then writes headers and body in a single writev of buffers.
      const body = Buffer.from(result.body);
      res.writeHead(result.status, {
        ...result.headers,
        "Content-Length": String(body.length),
        ...corsHeaders(req.headers),
      });
      res.end(body);
    }
    if (log) {
      const status = result.kind === "preflight" ? 204 : result.status;
      const id = result.kind === "response" ? ` ${result.headers[REQUEST_ID_HEADER]}` : "";
      log(`${req.method} ${loggedTarget(target)} -> ${status} ${(performance.now() - started).toFixed(1)}ms${id}`);
    }
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostForUrl(host)}:${port}`,
    port,
    host,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
