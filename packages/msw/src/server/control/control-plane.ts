import type { IncomingMessage, ServerResponse } from "node:http";
import type { JourneyRunsControl } from "../../control/types.js";
import { CONTROL_PREFIX } from "../../control-client/connect.js";
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

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { "Cache-Control": "no-store" }).end();
    return;
  }
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": String(text.length),
    "Cache-Control": "no-store",
  });
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
      send(res, result.status, result.status === 200 ? result.body : undefined);
    } catch (error) {
      const { status, body } = controlAnswerOf(error);
      send(res, status, body);
    }
  };
}
