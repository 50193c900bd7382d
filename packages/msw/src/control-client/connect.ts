import type { JourneyRun } from "@journey-runs/types";
import createClient from "openapi-fetch";
import { CONTROL_PREFIX } from "../control-api/prefix.js";
import type { JourneyRunsControl } from "../control-api/types.js";
import type { paths } from "../generated/control.js";
import { controlErrorOf } from "./errors.js";

/** Options of {@link connectJourneyRunsControl}. */
export interface ConnectOptions {
  /** The control token of the server (`--control-token`), sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** With isolation on: the AWS access key id whose fake to drive (header `x-journey-runs-mock-tenant`). */
  tenant?: string | undefined;
  /** The fetch to use. Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
}

export { CONTROL_PREFIX };

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a 2xx answer, or the control plane's error as a {@link JourneyRunsControlError}. */
function ok<T>(answer: Answer<T>): T {
  if (!answer.response.ok) throw controlErrorOf(answer.response.status, answer.error);
  return answer.data as T;
}

/**
 * Connects to the control plane of a running `journey-runs-mock` (on unless it was started with `--no-control`): the
 * same {@link JourneyRunsControl} as `createLocalControl(fake)` in-process, over HTTP, on the openapi-fetch client
 * generated from the control contract. Browser-safe. Misuse rejects with {@link JourneyRunsControlError} carrying the in-process error's code.
 *
 * @example
 * ```ts
 * import { connectJourneyRunsControl } from "@journey-runs/msw/control";
 * const control = connectJourneyRunsControl("http://127.0.0.1:4010");
 * await control.reset();
 * await control.addJourney("app1", "journey1");
 * await control.addRuns("app1", "journey1", 3);
 * await control.failNext(500); // every attempt of the next call
 * ```
 */
export function connectJourneyRunsControl(url: string | URL, options: ConnectOptions = {}): JourneyRunsControl {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.tenant !== undefined) headers["x-journey-runs-mock-tenant"] = options.tenant;
  const baseUrl = String(url).replace(/\/+$/, "");
  const given = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  // Writes carry the proof of intent that the control plane asks (docs/decisions/0021-control-plane-intent.md);
  // reads do not, so that a page of another origin (the viewer) can read without a CORS preflight. No redirect is
  // followed: an answer of another origin is not the fake's.
  const fetchOnce: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    if (request.method !== "GET" && request.method !== "HEAD") request.headers.set(INTENT_HEADER, "control");
    return given(request, { redirect: "manual" }).then((response) => {
      if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
        throw controlErrorOf(response.status, {
          code: "INTERNAL_ERROR",
          message: `The control plane at ${baseUrl} answered a redirect (${response.status}); journey-runs-mock never redirects, so another server answered. Check the URL.`,
        });
      }
      return response;
    });
  };
  const client = createClient<paths>({ baseUrl, headers, fetch: fetchOnce });
  const journey = (applicationId: string, journeyId: string) => ({
    path: { applicationId: pathId(applicationId, "applicationId"), journeyId: pathId(journeyId, "journeyId") },
  });
  const done = async (answer: Promise<Answer<unknown>>): Promise<void> => {
    ok(await answer);
  };

  const control: JourneyRunsControl = {
    health: async () => ok(await client.GET("/_journey-runs-mock/health")),
    reset: () => done(client.POST("/_journey-runs-mock/reset")),
    resetAll: (options = {}) =>
      done(
        client.POST("/_journey-runs-mock/reset-all", {
          body: wire(options.scene === undefined ? {} : { scene: options.scene }),
        }),
      ),
    setScene: (scene) => done(client.PUT("/_journey-runs-mock/scene", { body: wire(scene) })),
    dump: async () => ok(await client.GET("/_journey-runs-mock/state")),
    load: (state) => done(client.PUT("/_journey-runs-mock/state", { body: wire(state) })),
    addJourney: async (applicationId, journeyId) =>
      done(
        client.PUT("/_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}", {
          params: journey(applicationId, journeyId),
        }),
      ),
    removeJourney: async (applicationId, journeyId) =>
      ok(
        await client.DELETE("/_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}", {
          params: journey(applicationId, journeyId),
        }),
      ).removed,
    removeApplication: async (applicationId) =>
      ok(
        await client.DELETE("/_journey-runs-mock/apps/{applicationId}", {
          params: { path: { applicationId: pathId(applicationId, "applicationId") } },
        }),
      ).removed,
    addRuns: async (applicationId, journeyId, runs): Promise<JourneyRun[]> =>
      ok(
        await client.POST("/_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}/runs", {
          params: journey(applicationId, journeyId),
          body: wire({ runs }),
        }),
      ).runs,
    scheduleRun: async (applicationId, journeyId, input) =>
      ok(
        await client.POST("/_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}/scheduled-runs", {
          params: journey(applicationId, journeyId),
          body: wire(input),
        }),
      ),
    setRunStatus: async (applicationId, journeyId, runId, status) =>
      ok(
        await client.PUT("/_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}/runs/{runId}/status", {
          params: {
            path: {
              applicationId: pathId(applicationId, "applicationId"),
              journeyId: pathId(journeyId, "journeyId"),
              runId: pathId(runId, "runId"),
            },
          },
          body: wire({ status }),
        }),
      ),
    setClock: async (time) => ok(await client.PUT("/_journey-runs-mock/clock", { body: { time } })).now,
    advanceClock: async (ms) => ok(await client.POST("/_journey-runs-mock/clock/advance", { body: { ms } })).now,
    fault: (spec) => done(client.POST("/_journey-runs-mock/faults", { body: wire(spec) })),
    failNext: (status, { times, scope, message } = {}) =>
      control.fault(defined({ kind: "status", status, times, scope, message })),
    failAlways: (status, { message } = {}) => control.fault(defined({ kind: "always", status, message })),
    throttle: (count = 1, { scope } = {}) =>
      control.fault({ kind: "status", status: 429, times: count, scope: scope ?? "request" }),
    networkErrorNext: ({ times, scope } = {}) => control.fault(defined({ kind: "network-error", times, scope })),
    clearFaults: () => done(client.DELETE("/_journey-runs-mock/faults")),
    setLatency: (ms) => done(client.PUT("/_journey-runs-mock/latency", { body: { ms } })),
    journal: async ({ limit } = {}) =>
      ok(
        await client.GET("/_journey-runs-mock/journal", {
          params: { query: limit === undefined ? {} : { limit } },
        }),
      ).entries,
    clearJournal: () => done(client.DELETE("/_journey-runs-mock/journal")),
  };
  return control;
}

/** The header a write carries to prove it comes from a program (see the control plane). */
const INTENT_HEADER = "x-journey-runs-mock-intent";

/**
 * An id as a path segment can carry it. `.` and `..` cannot: path parameters are percent-encoded, which leaves dots
 * as they are, and URL parsing (WHATWG, and so fetch) removes `.` and `..` segments (even as `%2E`), so the request
 * would go to another path. They are refused before any request, with the code of an invalid id.
 */
function pathId(id: string, what: string): string {
  if (id === "." || id === "..") {
    throw controlErrorOf(400, {
      code: "INVALID_ARGUMENT",
      message: `${what} ${JSON.stringify(id)} cannot be sent in a URL path (URLs drop "." and ".." segments); use another id, or the in-process control.`,
    });
  }
  return id;
}

/**
 * A core value as the generated body type. The core types allow `undefined` in optional fields and a `Date` where a
 * time goes; `JSON.stringify` drops the first and writes the second as ISO 8601. Otherwise the shapes are equal:
 * test/control-types.test-d.ts proves it both ways, so this cast hides no other difference.
 */
function wire<T>(value: T): never {
  return value as never;
}

/** `value` without its `undefined` fields, so that the JSON body says only what the caller said. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
