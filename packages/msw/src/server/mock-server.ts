import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, Server as NetServer } from "node:net";
import { awsErrorResponse, type FakeResponse, REQUEST_ID_HEADER } from "../core/aws-response.js";
import { defaultMessageOf, RUNS_PATH_TEMPLATE } from "../core/contract-rules.js";
import { answerNow, type FakeResult, type JourneyRunsFake, journalRefusal, PAYLOAD_QUOTA_BYTES } from "../core/fake.js";
import type { Seed } from "../core/random.js";
import { redactQuery } from "../core/redact.js";
import { isControlPath } from "./control-plane/control-plane.js";
import { corsHeaders, isPreflight, preflightHeaders } from "./cors.js";
import type { DataSummary } from "./data/data-files.js";
import { createServerFake, loadData, resolveData } from "./data/server-fake.js";
import { frontDoorResponse } from "./front-door.js";
import { type ControlServerOptions, type PinpointTarget, setUpServerControl } from "./isolation.js";
import { drainBody, EMPTY_SHA256, hasBody } from "./request-body.js";
import type { SigV4Credentials, SigV4HeadVerdict, SigV4Refusal } from "./sigv4.js";
import {
  answerSocket,
  type ClientError,
  connectAnswer,
  lingeringClose,
  transportAnswer,
  transportCheck,
} from "./transport-errors.js";

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends ControlServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number | undefined;
  /** Default `127.0.0.1`. */
  host?: string | undefined;
  /** Seed of the store. Default 1. */
  seed?: Seed | undefined;
  /** Runs to add to the official example journey. Default 0. */
  runs?: number | undefined;
  /** Milliseconds to wait before each answer. Default 0. */
  latency?: number | undefined;
  /** Serve this fake (for example a mock that MSW also uses) instead of a new one; `seed` and `runs` are then ignored. */
  fake?: JourneyRunsFake | undefined;
  /** When given, every request must carry a valid AWS Signature Version 4 made with this key. */
  credentials?: SigV4Credentials | undefined;
  /** Milliseconds a client has to send a whole request (line, headers and body); then it gets 400. Default 10,000. */
  requestTimeout?: number | undefined;
  /** Receives one line per request (method, path, status, time, request id); never credentials. */
  log?: ((line: string) => void) | undefined;
  /** Sees every response the server sends (not preflights), for recording or checking it. */
  onResponse?: ((response: FakeResponse) => void) | undefined;
}

/**
 * After the listener closes, connections without a request in progress (idle keep-alive ones, and any taken from the
 * backlog that sent nothing) are closed once this long passes with no new request: under CPU load, reading a hundred
 * fresh connections takes longer than any fixed delay (half were reset at 100 ms in the backlog test).
 */
const IDLE_QUIET_MS = 250;
/** The longest the listener stays open after close() to take in the connections of its backlog. */
const BACKLOG_DRAIN_MS = 1000;

/** Options of {@link MockServer.close}. */
export interface MockServerCloseOptions {
  /** Milliseconds that requests in flight have to be answered before their connections are cut. Default 0. */
  graceMs?: number | undefined;
}

/** A running `journey-runs-mock`. */
export interface MockServer {
  /** `http://HOST:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly fake: JourneyRunsFake;
  /** What the `data` paths loaded (absent without paths). */
  readonly dataSummary?: DataSummary | undefined;
  /**
   * Stops listening, lets requests in flight be answered for up to `graceMs`, then closes every connection.
   * Resolves with how many requests were cut unanswered.
   */
  close(options?: MockServerCloseOptions): Promise<{ cut: number }>;
}

type Answer = FakeResult | { kind: "preflight"; headers: Record<string, string> } | { kind: "cut" };

const headerGetter = (req: IncomingMessage): { get(name: string): string | null } => ({
  get(name) {
    const value = req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  },
});

const hostForUrl = (host: string): string => (host.includes(":") ? `[${host}]` : host);
const tooLarge = (): FakeResponse => awsErrorResponse(413, defaultMessageOf(413));
const notFound = (req: IncomingMessage, path: string): FakeResponse =>
  awsErrorResponse(
    404,
    `No operation at ${req.method} ${path.slice(0, 256)}: this server only serves GetJourneyRuns (GET ${RUNS_PATH_TEMPLATE}).`,
  );

type SigV4Head = Extract<SigV4HeadVerdict, { ok: true }>;

/** A SigV4 refusal as Pinpoint's front door answers it, or the contract's ForbiddenException where that is not known. */
const sigv4Refusal = (verdict: SigV4Refusal): FakeResponse =>
  verdict.errorType ? frontDoorResponse(verdict.errorType, verdict.message) : awsErrorResponse(403, verdict.message);

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
  if (options.fake && data) loadData(fake.store, data);
  if (options.fake && options.latency !== undefined) fake.setLatency(options.latency);
  const host = options.host ?? "127.0.0.1";
  // The verifier is loaded only when it is needed: startup without credentials does not pay for it.
  const checks = options.credentials ? (await import("./sigv4.js")).createSigV4Checks(options.credentials) : undefined;
  const plane = setUpServerControl(host, options, { fake, recipe, data, checks });
  const log = options.log;
  const requestTimeout = options.requestTimeout ?? 10_000;
  /** Requests received so far: close() waits for a quiet moment before closing idle connections. */
  let requestsSeen = 0;
  let inFlight = 0;
  let closing = false;

  /**
   * Everything a request meets, in order: transport rules, the signature's head, the body, then the fake. Synchronous
   * (no promise, no microtask) unless a body must be read or the fake waits: most requests are answered in one go.
   */
  function answer(req: IncomingMessage, res: ServerResponse, path: string, query: string): Answer | Promise<Answer> {
    if (isPreflight(req.method, req.headers)) return { kind: "preflight", headers: preflightHeaders(req.headers) };
    const refused = transportCheck(req);
    if (refused) return refused;
    if (Number(req.headers["content-length"] ?? 0) > PAYLOAD_QUOTA_BYTES) return tooLarge();
    const method = req.method ?? "GET";
    const target = plane.target(req, query);
    const head = target.check?.head({ method, path, query, headers: req.headersDistinct });
    if (head && !head.ok) return refuse(req, path, query, target, head);
    if (hasBody(req)) return answerWithBody(req, res, path, query, target, head);
    return signedAndServed(req, path, query, target, head, EMPTY_SHA256);
  }

  /** The rest of {@link answer} for a request with a body: read (and hash) it first, never keeping it. */
  async function answerWithBody(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: string,
    target: PinpointTarget,
    head: SigV4Head | undefined,
  ): Promise<Answer> {
    if (req.headers.expect !== undefined) res.writeContinue();
    const body = await drainBody(req, PAYLOAD_QUOTA_BYTES, head !== undefined);
    if (body.kind === "too-large") return tooLarge();
    if (body.kind === "cut") return body;
    return signedAndServed(req, path, query, target, head, body.sha256 ?? EMPTY_SHA256);
  }

  /** The last step of the signature (the body's hash), then the fake. */
  function signedAndServed(
    req: IncomingMessage,
    path: string,
    query: string,
    target: PinpointTarget,
    head: SigV4Head | undefined,
    bodySha256: string,
  ): Answer | Promise<Answer> {
    const verdict = head?.complete(bodySha256);
    if (verdict && !verdict.ok) return refuse(req, path, query, target, verdict);
    return serve(req, path, query, target);
  }

  /** The SigV4 refusal's answer, recorded with its reason in the journal of the fake the request was for. */
  function refuse(
    req: IncomingMessage,
    path: string,
    query: string,
    target: PinpointTarget,
    verdict: SigV4Refusal,
  ): FakeResponse {
    const response = sigv4Refusal(verdict);
    const fake = target.journal();
    if (fake !== undefined) {
      const request = { method: req.method ?? "GET", path, query, headers: headerGetter(req) };
      journalRefusal(fake, request, response, verdict.message);
    }
    return response;
  }

  /** Only now, after the signature verified, may a tenant be created (or refused past the bound). */
  function serve(req: IncomingMessage, path: string, query: string, target: PinpointTarget): Answer | Promise<Answer> {
    const served = target.fake();
    if ("kind" in served) return served;
    const result = answerNow(served, { method: req.method ?? "GET", path, query, headers: headerGetter(req) });
    return result instanceof Promise ? result.then((r) => r ?? notFound(req, path)) : (result ?? notFound(req, path));
  }

  /** The one place where a request is dispatched and answered. */
  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    requestsSeen++;
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const path = q < 0 ? target : target.slice(0, q);
    const query = q < 0 ? "" : target.slice(q + 1);
    // The control plane answers its own prefix (and only it); Pinpoint requests never reach it.
    if (plane.handle && isControlPath(path)) {
      plane.handle(req, res, path, query).catch(() => req.socket.destroy());
      return;
    }
    inFlight++;
    const started = log ? performance.now() : 0;
    const logged = q < 0 ? undefined : query;
    let result: Answer | Promise<Answer>;
    try {
      result = answer(req, res, path, query);
    } catch {
      result = awsErrorResponse(500, "Internal server error");
    }
    if (result instanceof Promise) {
      result
        .then(
          (answered) => respond(req, res, answered, path, logged, started),
          () => respond(req, res, awsErrorResponse(500, "Internal server error"), path, logged, started),
        )
        // A hook (onResponse, log) that throws must not take the server down: that connection ends instead.
        .catch(() => req.socket.destroy());
      return;
    }
    try {
      respond(req, res, result, path, logged, started);
    } catch {
      req.socket.destroy();
    }
  }

  /** Writes the answer (or cuts the connection), then logs it. */
  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    result: Answer,
    path: string,
    query: string | undefined,
    started: number,
  ): void {
    inFlight--;
    let status: string | number;
    if (result.kind === "network-error" || result.kind === "cut" || res.destroyed) {
      req.socket.destroy();
      status = result.kind === "network-error" ? "network error" : "cut";
    } else if (result.kind === "preflight") {
      res.writeHead(204, result.headers).end();
      status = 204;
    } else {
      options.onResponse?.(result);
      // A body left unread (refused before it was read) would be read as the next request: close after answering,
      // discarding what still arrives for a while so that the client reads the answer rather than a reset.
      // (A request without a body may be answered before node:http marks it complete: nothing is left to read.)
      const unread = !req.complete && hasBody(req);
      if (closing || unread) res.shouldKeepAlive = false;
      if (unread) {
        const socket = req.socket as typeof req.socket & { destroySoon?: () => void };
        socket.destroySoon = () => lingeringClose(socket);
      }
      // Set one by one on the response (no merged copy of the headers per request).
      for (const name in result.headers) res.setHeader(name, result.headers[name] as string);
      res.setHeader("Content-Length", Buffer.byteLength(result.body));
      if (req.headers.origin !== undefined) {
        const cors = corsHeaders(req.headers);
        for (const name in cors) res.setHeader(name, cors[name] as string);
      }
      res.writeHead(result.status).end(result.body);
      status = result.status;
    }
    if (log) {
      const id = result.kind === "response" ? ` ${result.headers[REQUEST_ID_HEADER]}` : "";
      const shown = query === undefined ? path : `${path}?${redactQuery(query)}`;
      log(`${req.method} ${shown} -> ${status} ${(performance.now() - started).toFixed(1)}ms${id}`);
    }
  }

  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 10_000),
      connectionsCheckingInterval: 500,
      requireHostHeader: false,
    },
    onRequest,
  );
  // Requests that node:http would answer itself (417, CONNECT, parse errors) get the AWS shape too.
  /** Connections accepted so far: close() keeps listening while the backlog still yields new ones. */
  let accepted = 0;
  server.on("connection", () => {
    accepted++;
  });
  server.on("checkExpectation", onRequest);
  server.on("checkContinue", onRequest);
  server.on("clientError", (error: ClientError, socket) => {
    if (error.code === "ECONNRESET" || error.code === "EPIPE") return void socket.destroy();
    const { status, message } = transportAnswer(error, requestTimeout);
    const sent = answerSocket(socket, status, message);
    if (sent) options.onResponse?.(sent);
    if (log && sent) log(`- (${error.code ?? "parse error"}) -> ${status} ${sent.headers[REQUEST_ID_HEADER]}`);
  });
  server.on("connect", (req: IncomingMessage, socket) => {
    const { status, message } = connectAnswer(req);
    const sent = answerSocket(socket, status, message);
    if (sent) options.onResponse?.(sent);
    if (log && sent) log(`${req.method} - -> ${status} ${sent.headers[REQUEST_ID_HEADER]}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<{ cut: number }> | undefined;
  let cut = 0;
  let deadline: NodeJS.Timeout | undefined;
  let cutRequested = false;
  const cutNow = (): void => {
    clearTimeout(deadline);
    cutRequested = true;
    cut = Math.max(cut, inFlight);
    server.closeAllConnections();
  };
  return {
    url: `http://${hostForUrl(host)}:${port}`,
    port,
    host,
    fake,
    ...(data !== undefined && "summary" in data ? { dataSummary: data.summary } : {}),
    close({ graceMs = 0 } = {}) {
      // server.close also closes idle keep-alive connections; answers sent while closing carry Connection: close.
      closed ??= new Promise((resolve) => {
        closing = true;
        // Connections the kernel accepted but node has not yet (the listen backlog, long under CPU load) would be
        // reset when the listener closes. With a grace period, the listener stays open until 50 ms pass without a
        // new connection (at most 1 s): the backlog is taken in, and its requests count as in flight and are answered (Connection: close).
        // node:http's close() would then close every connection without a request in progress, including those
        // just accepted whose request is not read yet: the listener is closed alone (net.Server's close), and idle
        // connections once no new request arrived for IDLE_QUIET_MS.
        const started = performance.now();
        let seen = -1;
        const closeListener = (): void => {
          if (graceMs > 0 && accepted !== seen && performance.now() - started < BACKLOG_DRAIN_MS) {
            seen = accepted;
            setTimeout(closeListener, 50);
            return;
          }
          let idle: NodeJS.Timeout | undefined;
          NetServer.prototype.close.call(server, () => {
            clearTimeout(deadline);
            clearTimeout(idle);
            resolve({ cut });
          });
          let requestsBefore = -1;
          const closeIdle = (): void => {
            if (requestsSeen !== requestsBefore) {
              requestsBefore = requestsSeen;
              idle = setTimeout(closeIdle, IDLE_QUIET_MS);
            } else server.closeIdleConnections();
          };
          if (cutRequested) server.closeAllConnections();
          else closeIdle();
        };
        closeListener();
      });
      if (graceMs <= 0) cutNow();
      else deadline ??= setTimeout(cutNow, graceMs);
      return closed;
    },
  };
}
