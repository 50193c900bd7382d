import type { GetJourneyRunsParameters, JourneyRunsResponse, MessageBody } from "@journey-runs/types";
import { type DefaultBodyType, type HttpHandler, HttpResponse, type HttpResponseResolver, http } from "msw";
import { createLocalControl } from "../control-api/local.js";
import type { JourneyRunsControl } from "../control-api/types.js";
import { awsErrorResponse, REQUEST_ID_HEADER } from "../core/aws-response.js";
import { defaultMessageOf, type JourneyRunsErrorStatus, RUNS_PATH_TEMPLATE } from "../core/contract-rules.js";
import { createJourneyRunsFake, type JourneyRunsFake, type JourneyRunsFakeOptions } from "../core/fake.js";
import { createRequestId } from "../core/request-id.js";

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The path parameters of the runs path as MSW names them: the contract's labels in camelCase (`applicationId`). */
export type JourneyRunsPathParams = {
  [K in keyof GetJourneyRunsParameters["path"] & string as CamelCase<K>]: string;
};

/** An MSW resolver for GetJourneyRuns: typed path params, and a body that is a page or an AWS error. */
export type JourneyRunsResolver = HttpResponseResolver<
  JourneyRunsPathParams,
  DefaultBodyType,
  JourneyRunsResponse | MessageBody
>;

/** Options of {@link createJourneyRunsMock}. */
export interface JourneyRunsMockOptions extends JourneyRunsFakeOptions {
  /**
   * The origin (and optional path prefix) the handlers answer, such as `https://pinpoint.us-east-1.amazonaws.com`.
   * Default `*`: any origin, so a client set to any region or endpoint is caught.
   */
  baseUrl?: string | undefined;
}

/** A fake of GetJourneyRuns with its MSW handlers. */
export interface JourneyRunsMock extends JourneyRunsFake {
  /** Handlers for `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  readonly handlers: HttpHandler[];
  /** The same fake through the async control API that also drives a remote `journey-runs-mock` (await each call). */
  readonly control: JourneyRunsControl;
}

/** The MSW path pattern of the runs path under `baseUrl` (`*` for any origin). */
export function journeyRunsPath(baseUrl = "*"): string {
  const path = RUNS_PATH_TEMPLATE.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => `:${name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase())}`,
  );
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * The runs path under `baseUrl` as a RegExp without capture groups. MSW percent-decodes the params of string
 * patterns and throws on a label such as `%zz` before any resolver runs; a RegExp without groups is matched as it
 * is, so the fake can answer such a label with its own 400.
 */
export function journeyRunsPathPattern(baseUrl?: string): RegExp {
  const path = RUNS_PATH_TEMPLATE.split(/\{[^}]+\}/)
    .map(escapeRegExp)
    .join("[^/]+");
  const origin =
    baseUrl === undefined || baseUrl === "*"
      ? "[a-z][a-z0-9+.-]*:\\/\\/[^/]+"
      : escapeRegExp(baseUrl.replace(/\/+$/, ""));
  return new RegExp(`^${origin}${path}$`);
}

/** Answers an MSW request with a fake; `undefined` lets MSW fall through to the next handler or the network. */
async function answer(fake: JourneyRunsFake, request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  const result = await fake.handle({
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers: request.headers,
    signal: request.signal,
  });
  if (!result) return undefined;
  if (result.kind === "network-error") return HttpResponse.error();
  return new HttpResponse(result.body, { status: result.status, headers: result.headers });
}

/** MSW handlers that answer every method of the runs path with `getFake()`'s fake. */
export function createHandlers(getFake: () => JourneyRunsFake, baseUrl?: string): HttpHandler[] {
  return [http.all(journeyRunsPathPattern(baseUrl), ({ request }) => answer(getFake(), request))];
}

/**
 * Creates a stateful fake of GetJourneyRuns with MSW handlers, for `setupServer` (msw/node) or `setupWorker`
 * (msw/browser). Its helpers (`failNext`, `throttle`, `setLatency`, ...) act on the next requests.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createJourneyRunsMock } from "@journey-runs/msw";
 * const mock = createJourneyRunsMock({ seed: 1 });
 * const server = setupServer(...mock.handlers);
 * mock.failNext(429, { times: 2 });
 * ```
 */
export function createJourneyRunsMock(options: JourneyRunsMockOptions = {}): JourneyRunsMock {
  // A test suite resets and seeds between tests, so a page is rarely read twice before it changes: the page cache
  // would cost more than it saves (decision 0020, amended), and it is off unless asked for.
  const fake = createJourneyRunsFake({ ...options, pageCacheChars: options.pageCacheChars ?? 0 });
  // Object.assign keeps the fake's getters (`scene`) live, where a spread would copy their values once.
  return Object.assign(fake, {
    handlers: createHandlers(() => fake, options.baseUrl),
    control: createLocalControl(fake),
  });
}

/**
 * Types a custom resolver of GetJourneyRuns: `params.applicationId`/`params.journeyId` are strings and the body
 * must be a page (`JourneyRunsResponse`) or an error (`MessageBody`).
 *
 * @example
 * ```ts
 * server.use(journeyRunsHandler(defineJourneyRunsResolver(() => journeyRunsPage({ Item: [] }))));
 * ```
 */
export function defineJourneyRunsResolver(resolver: JourneyRunsResolver): JourneyRunsResolver {
  return resolver;
}

/**
 * An MSW handler for GET on the runs path (any origin unless `baseUrl`) with a custom, typed resolver. It uses the
 * string pattern of {@link journeyRunsPath}, so MSW decodes `params`; MSW itself fails on a malformed `%` escape.
 */
export function journeyRunsHandler(
  resolver: JourneyRunsResolver,
  options: { baseUrl?: string | undefined } = {},
): HttpHandler {
  return http.get<JourneyRunsPathParams, DefaultBodyType, JourneyRunsResponse | MessageBody>(
    journeyRunsPath(options.baseUrl),
    resolver,
  );
}

/**
 * What `HttpResponse.json<T>()` returns in the msw the app has: `StrictResponse<T>` in early msw 2 releases,
 * `HttpResponse<T>` in later ones and in msw 3, which has no `StrictResponse` at all. Spelled this way so that the types
 * compile with every msw of the peer range.
 */
export type JsonResponse<T extends JourneyRunsResponse | MessageBody> = ReturnType<typeof HttpResponse.json<T>>;

/** A 200 response with a page, and the `x-amzn-RequestId` header that Pinpoint sends. */
export function journeyRunsPage(
  body: JourneyRunsResponse,
  requestId = createRequestId(),
): JsonResponse<JourneyRunsResponse> {
  return HttpResponse.json(body, { headers: { [REQUEST_ID_HEADER]: requestId } });
}

/** A documented error as Pinpoint sends it (`{ Message, RequestID }`, `X-Amzn-ErrorType`, `x-amzn-RequestId`). */
export function journeyRunsError(
  status: JourneyRunsErrorStatus,
  message: string = defaultMessageOf(status),
): JsonResponse<MessageBody> {
  const response = awsErrorResponse(status, message);
  return HttpResponse.json(JSON.parse(response.body) as MessageBody, { status, headers: response.headers });
}
