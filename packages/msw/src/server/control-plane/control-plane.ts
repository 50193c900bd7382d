import type { IncomingMessage, ServerResponse } from "node:http";
import { CONTROL_PREFIX } from "../../control-api/prefix.js";
import type { JourneyRunsControl } from "../../control-api/types.js";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";
import { ByteBudget } from "./byte-budget.js";
import { ControlHttpError, controlAnswerOf } from "./control-error.js";
import { busy, readJsonBody } from "./json-body.js";
import { matchRoute } from "./routes.js";
import { createTokenCheck, isLoopbackHostHeader } from "./token.js";

/** The header that addresses a tenant in isolation mode. */
export const TENANT_HEADER = "x-journey-runs-mock-tenant";

/** The header (and its one value) that every write must carry: docs/decisions/0021-control-plane-intent.md. */
export const INTENT_HEADER = "x-journey-runs-mock-intent";
export const INTENT_VALUE = "control";

/** How long an answer that holds bytes of the budget (a dump) may take to be read before its connection is cut. */
const HELD_ANSWER_TIMEOUT_MS = 60_000;

/** Options of {@link createControlPlane}. */
export interface ControlPlaneOptions {
  /** When set, every control request must carry `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** The control of the fake a request addresses (`tenant`: the tenant header, if any). May throw ControlHttpError. */
  controlFor(tenant: string | undefined): JourneyRunsControl;
  /**
   * The control of the server itself, for server-wide operations (health) that name no tenant: under isolation a
   * readiness probe (Docker's HEALTHCHECK, a CI service) has no access key to name.
   */
  serverControl?: JourneyRunsControl | undefined;
}

/** Whether a raw request path belongs to the control plane (the reserved prefix `/_journey-runs-mock/`). */
export function isControlPath(path: string): boolean {
  return path.startsWith(`${CONTROL_PREFIX}/`) || path === CONTROL_PREFIX;
}

/** Methods that only read the fake: a web page of any origin may read them (the viewer's panel does). */
const READS = new Set(["GET", "HEAD"]);

/**
 * Whether a request comes from a web page of another origin than the server's and would change the fake. Browsers
 * send such a `POST` without a body (reset, clear) with no preflight, so without this check any page the user opens
 * could reset or break a fake on loopback. Test processes (Node, Python) send no `Origin` and are not affected.
 */
function isCrossOriginWrite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || READS.has(req.method ?? "GET")) return false;
  return origin !== `http://${req.headers.host ?? ""}`;
}

/** Whether a request carries a body: a Content-Length above 0, or a Transfer-Encoding (chunked). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/**
 * Why a write lacks proof that a program (not a web page) sends it, or `undefined` when it has it. A page cannot add
 * a custom header to a request of another origin without a CORS preflight, which the control plane never grants;
 * a page on a rebound DNS name is same-origin, but sends its own name as `Host`. With a token, the token is
 * proof of the caller and `Host` is not checked; the header is required either way.
 */
function missingIntent(req: IncomingMessage, hasToken: boolean): string | undefined {
  if (READS.has(req.method ?? "GET")) return undefined;
  if (req.headers[INTENT_HEADER] !== INTENT_VALUE) {
    return `A write to the control plane must carry the header "X-Journey-Runs-Mock-Intent: ${INTENT_VALUE}" (the clients of @journey-runs/msw/control send it); web pages cannot send it.`;
  }
  if (!hasToken && !isLoopbackHostHeader(req.headers.host)) {
    return `A write to the control plane without a control token must be addressed to a loopback name (Host 127.0.0.1, [::1] or localhost), not ${JSON.stringify((req.headers.host ?? "").slice(0, 64))}; or start the server with --control-token.`;
  }
  return undefined;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body?: unknown,
  budget?: ByteBudget,
  held = { bytes: 0 },
): void {
  // Bytes held while the body was read are given back once the answer is sent or the connection ends.
  const giveBack = () => {
    budget?.give(held.bytes);
    held.bytes = 0;
  };
  res.once("close", giveBack);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  const origin = req.headers.origin;
  // Answers to reads are readable by any page (the state is the fake's, never a secret); writes are refused above.
  if (origin !== undefined && READS.has(req.method ?? "GET")) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers.Vary = "Origin";
  }
  if (status === 503) headers["Retry-After"] = "1";
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  let text = Buffer.from(JSON.stringify(body));
  // A large answer (a dump) holds its bytes of the budget until the client has read it (or is cut for not reading).
  if (budget !== undefined && text.length > 64 * 1024) {
    if (budget.take(text.length)) {
      held.bytes += text.length;
      res.setTimeout(HELD_ANSWER_TIMEOUT_MS, () => res.destroy());
    } else {
      const answer = controlAnswerOf(busy());
      status = answer.status;
      headers["Retry-After"] = "1";
      text = Buffer.from(JSON.stringify(answer.body));
    }
  }
  headers["Content-Type"] = "application/json";
  headers["Content-Length"] = String(text.length);
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * The HTTP door of the control plane: answers the requests whose path starts with the reserved prefix, as
 * `openapi/journey-runs-mock-control.yaml` describes, on the {@link JourneyRunsControl} of the addressed fake.
 * Errors are `ControlError { code, message }` with the in-process error's code.
 */
export function createControlPlane(
  options: ControlPlaneOptions,
): (req: IncomingMessage, res: ServerResponse, path: string, query: string) => Promise<void> {
  const tokenOk = options.token === undefined ? undefined : createTokenCheck(options.token);
  const budget = new ByteBudget(CONTROL_LIMITS.bufferedBytes);
  return async (req, res, path, query) => {
    const held = { bytes: 0 };
    try {
      if (isCrossOriginWrite(req)) {
        req.resume();
        throw new ControlHttpError(
          "UNAUTHORIZED",
          "A web page of another origin may not change the fake; drive the control plane from the test process.",
        );
      }
      if (tokenOk && !tokenOk(req.headers.authorization)) {
        req.resume();
        throw new ControlHttpError("UNAUTHORIZED", "Send the control token as Authorization: Bearer <token>.");
      }
      const noIntent = missingIntent(req, tokenOk !== undefined);
      if (noIntent !== undefined) {
        req.resume();
        throw new ControlHttpError("UNAUTHORIZED", noIntent);
      }
      const segments = path.slice(CONTROL_PREFIX.length + 1).split("/");
      const match = matchRoute(req.method ?? "GET", segments);
      if (match === undefined) {
        req.resume();
        throw new ControlHttpError(
          "NOT_FOUND",
          `No control operation at ${req.method} ${path.slice(0, 256)}; see openapi/journey-runs-mock-control.yaml.`,
        );
      }
      const tenant = req.headers[TENANT_HEADER];
      const control =
        tenant === undefined && match.route.serverWide && options.serverControl
          ? options.serverControl
          : options.controlFor(Array.isArray(tenant) ? tenant.join(",") : tenant);
      let body: unknown;
      if (match.route.bodyLimit === undefined || (match.route.bodyOptional && !hasBody(req))) req.resume();
      else {
        // Every check that needs no body has passed: only now is a client that waits for it told to send it.
        if (req.headers.expect?.toLowerCase() === "100-continue") res.writeContinue();
        body = await readJsonBody(req, { bytes: match.route.bodyLimit, json: match.route.json, budget }, held);
      }
      const result = await match.route.run(control, match.params, body, new URLSearchParams(query));
      send(req, res, result.status, result.status === 200 ? result.body : undefined, budget, held);
    } catch (error) {
      const { status, body } = controlAnswerOf(error);
      send(req, res, status, body, budget, held);
    }
  };
}
