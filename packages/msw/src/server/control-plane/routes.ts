import type { JourneyRunStatus } from "@journey-runs/types";
import type { FaultSpec, JourneyRunsControl, JourneyRunsScene, JourneyRunsState } from "../../control-api/types.js";
import type { RunInput, ScheduleInput } from "../../core/store/journey.js";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";
import { ControlHttpError } from "./control-error.js";
import { CONTROL_BODY_LIMIT, STATE_BODY_LIMIT } from "./json-body.js";

/** What a route answers: a JSON body with 200, or nothing with 204. */
export type RouteResult = { status: 200; body: unknown } | { status: 204 };

/** One operation of the control contract on the HTTP door. */
export interface Route {
  method: string;
  /** Path segments after the prefix; `{name}` segments are parameters. */
  segments: readonly string[];
  /** The largest body it reads; absent when it takes none. */
  bodyLimit?: number;
  /** The body may be left out (no Content-Length and no Transfer-Encoding, or Content-Length: 0). */
  bodyOptional?: true;
  /** Answered for the server as a whole when no tenant is named, even under isolation (health). */
  serverWide?: true;
  /** The bound on the JSON structure of its body (large bodies: see the control contract's `x-max-json-*`). */
  json?: { containers: number; depth: number };
  run(
    control: JourneyRunsControl,
    params: Record<string, string>,
    body: unknown,
    query: URLSearchParams,
  ): Promise<RouteResult>;
}

const json = (body: unknown): RouteResult => ({ status: 200, body });
/** Runs an operation that answers nothing: 204. */
async function nothing(work: Promise<void>): Promise<RouteResult> {
  await work;
  return { status: 204 };
}

/** The body as an object with at least `fields`, or INVALID_ARGUMENT saying what is missing. */
function object(body: unknown, ...fields: string[]): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ControlHttpError("INVALID_ARGUMENT", "The request body must be a JSON object; see the control contract.");
  }
  for (const field of fields) {
    if (!Object.hasOwn(body, field)) {
      throw new ControlHttpError(
        "INVALID_ARGUMENT",
        `The request body needs the field "${field}"; see the control contract.`,
      );
    }
  }
  return body as Record<string, unknown>;
}

function numberField(body: unknown, field: string): number {
  const value = object(body, field)[field];
  if (typeof value !== "number") {
    throw new ControlHttpError(
      "INVALID_ARGUMENT",
      `"${field}" must be a number; got ${JSON.stringify(value)?.slice(0, 64)}.`,
    );
  }
  return value;
}

const JOURNEY = ["apps", "{applicationId}", "journeys", "{journeyId}"] as const;
const p = (params: Record<string, string>, name: string): string => params[name] as string;

/** Every operation of the control contract (`openapi/journey-runs-mock-control.yaml`), by method and path. */
export const ROUTES: readonly Route[] = [
  { method: "GET", segments: ["health"], serverWide: true, run: async (c) => json(await c.health()) },
  { method: "POST", segments: ["reset"], run: (c) => nothing(c.reset()) },
  {
    method: "POST",
    segments: ["reset-all"],
    bodyLimit: CONTROL_BODY_LIMIT,
    bodyOptional: true,
    run: (c, _p, body) => {
      if (body === undefined) return nothing(c.resetAll());
      const scene = object(body).scene;
      if (scene !== undefined && (typeof scene !== "object" || scene === null || Array.isArray(scene))) {
        throw new ControlHttpError("INVALID_ARGUMENT", '"scene" must be a scene object; see the control contract.');
      }
      return nothing(c.resetAll(scene === undefined ? {} : { scene: scene as JourneyRunsScene }));
    },
  },
  {
    method: "PUT",
    segments: ["scene"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: (c, _p, body) => nothing(c.setScene(object(body) as JourneyRunsScene)),
  },
  { method: "GET", segments: ["state"], run: async (c) => json(await c.dump()) },
  {
    method: "PUT",
    segments: ["state"],
    bodyLimit: STATE_BODY_LIMIT,
    json: { containers: CONTROL_LIMITS.stateContainers, depth: CONTROL_LIMITS.stateDepth },
    run: (c, _p, body) =>
      nothing(c.load(object(body, "format", "version", "applications") as unknown as JourneyRunsState)),
  },
  {
    method: "DELETE",
    segments: ["apps", "{applicationId}"],
    run: async (c, params) => json({ removed: await c.removeApplication(p(params, "applicationId")) }),
  },
  {
    method: "PUT",
    segments: JOURNEY,
    run: (c, params) => nothing(c.addJourney(p(params, "applicationId"), p(params, "journeyId"))),
  },
  {
    method: "DELETE",
    segments: JOURNEY,
    run: async (c, params) =>
      json({ removed: await c.removeJourney(p(params, "applicationId"), p(params, "journeyId")) }),
  },
  {
    method: "POST",
    segments: [...JOURNEY, "runs"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: async (c, params, body) => {
      const runs = object(body, "runs").runs;
      if (typeof runs !== "number" && !Array.isArray(runs)) {
        throw new ControlHttpError("INVALID_ARGUMENT", '"runs" must be a number of runs or a list of runs to add.');
      }
      return json({
        runs: await c.addRuns(p(params, "applicationId"), p(params, "journeyId"), runs as number | RunInput[]),
      });
    },
  },
  {
    method: "POST",
    segments: [...JOURNEY, "scheduled-runs"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: async (c, params, body) =>
      json(await c.scheduleRun(p(params, "applicationId"), p(params, "journeyId"), object(body) as ScheduleInput)),
  },
  {
    method: "PUT",
    segments: [...JOURNEY, "runs", "{runId}", "status"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: async (c, params, body) => {
      const status = object(body, "status").status;
      return json(
        await c.setRunStatus(
          p(params, "applicationId"),
          p(params, "journeyId"),
          p(params, "runId"),
          status as JourneyRunStatus,
        ),
      );
    },
  },
  {
    method: "PUT",
    segments: ["clock"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: async (c, _p, body) => {
      const time = object(body, "time").time;
      if (typeof time !== "string" && typeof time !== "number") {
        throw new ControlHttpError("INVALID_ARGUMENT", '"time" must be an ISO 8601 string or epoch milliseconds.');
      }
      return json({ now: await c.setClock(time) });
    },
  },
  {
    method: "POST",
    segments: ["clock", "advance"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: async (c, _p, body) => json({ now: await c.advanceClock(numberField(body, "ms")) }),
  },
  {
    method: "POST",
    segments: ["faults"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: (c, _p, body) => nothing(c.fault(object(body, "kind") as unknown as FaultSpec)),
  },
  { method: "DELETE", segments: ["faults"], run: (c) => nothing(c.clearFaults()) },
  {
    method: "PUT",
    segments: ["latency"],
    bodyLimit: CONTROL_BODY_LIMIT,
    run: (c, _p, body) => nothing(c.setLatency(numberField(body, "ms"))),
  },
  {
    method: "GET",
    segments: ["journal"],
    run: async (c, _p, _b, query) => {
      const raw = query.get("limit");
      if (raw !== null && !/^[0-9]{1,6}$/.test(raw)) {
        throw new ControlHttpError(
          "INVALID_ARGUMENT",
          `limit must be a whole number from 0 to 100000; got "${raw.slice(0, 32)}".`,
        );
      }
      return json({ entries: await c.journal(raw === null ? {} : { limit: Number(raw) }) });
    },
  },
  { method: "DELETE", segments: ["journal"], run: (c) => nothing(c.clearJournal()) },
];

/** The route of a method and the path segments after the prefix, with its decoded parameters. */
export function matchRoute(
  method: string,
  segments: readonly string[],
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const params: Record<string, string> = Object.create(null);
    let matched = true;
    for (const [index, want] of route.segments.entries()) {
      const got = segments[index] as string;
      if (want.startsWith("{")) {
        let decoded: string;
        try {
          decoded = decodeURIComponent(got);
        } catch {
          throw new ControlHttpError(
            "INVALID_ARGUMENT",
            `The path segment "${got.slice(0, 64)}" is not valid percent-encoding.`,
          );
        }
        if (decoded === "") {
          matched = false;
          break;
        }
        params[want.slice(1, -1)] = decoded;
      } else if (want !== got) {
        matched = false;
        break;
      }
    }
    if (matched) return { route, params };
  }
  return undefined;
}
