import type { IncomingMessage, ServerResponse } from "node:http";
import { CONTROL_PREFIX } from "../../control-api/prefix.js";
import type { JourneyRunsControl } from "../../control-api/types.js";
import { ControlHttpError, controlAnswerOf } from "./control-error.js";
import { readJsonBody } from "./json-body.js";
import { matchRoute } from "./routes.js";
import { createTokenCheck } from "./token.js";

/** The header that addresses a tenant in isolation mode. */
export const TENANT_HEADER = "x-journey-runs-mock-tenant";

/** Options of {@link createControlPlane}. */
export interface ControlPlaneOptions {
  /** When set, every control request must carry `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** The control of the fake a request addresses (`tenant`: the tenant header, if any). May throw ControlHttpError. */
  controlFor(tenant: string | undefined): JourneyRunsControl;
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

function send(req: IncomingMessage, res: ServerResponse, status: number, body?: unknown): void {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  const origin = req.headers.origin;
  // Answers to reads are readable by any page (the state is the fake's, never a secret); writes are refused above.
  if (origin !== undefined && READS.has(req.method ?? "GET")) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers.Vary = "Origin";
  }
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = Buffer.from(JSON.stringify(body));
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
  return async (req, res, path, query) => {
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
      const control = options.controlFor(Array.isArray(tenant) ? tenant.join(",") : tenant);
      let body: unknown;
      if (match.route.bodyLimit === undefined) req.resume();
      else body = await readJsonBody(req, match.route.bodyLimit);
      const result = await match.route.run(control, match.params, body, new URLSearchParams(query));
      send(req, res, result.status, result.status === 200 ? result.body : undefined);
    } catch (error) {
      const { status, body } = controlAnswerOf(error);
      send(req, res, status, body);
    }
  };
}
