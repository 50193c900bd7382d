import type { paths } from "@journey-runs/types";
import createClient, { type Client } from "openapi-fetch";
import { isPinpointServiceException } from "./errors/type-guards.js";
import { pathSerializer, querySerializer } from "./input.js";
import type { JourneyRunsClientOptions } from "./options.js";
import { createPipeline } from "./pipeline.js";
import { canonicalQuery } from "./sigv4/canonical.js";

/** The typed openapi-fetch client of the contract. */
export type JourneyRunsFetchClient = Client<paths, "application/json">;

/**
 * Creates the typed openapi-fetch client of the contract over the same pipeline as `createJourneyRunsClient` (same
 * options): its `fetch` signs each attempt, retries and times out like the other calls; labels and query values are
 * checked and encoded as for `getJourneyRuns`. A final error answer comes back as openapi-fetch's
 * `{ error, response }` (secrets redacted from it); network failures, timeouts and aborts throw this package's errors.
 * A separate factory, so that apps that only call `getJourneyRuns` do not bundle openapi-fetch's `createClient`.
 *
 * @example
 * ```ts
 * import { createJourneyRunsFetchClient } from "@journey-runs/client";
 *
 * const api = createJourneyRunsFetchClient({ region: "us-east-1", credentials: { accessKeyId: "AKIA...", secretAccessKey: "..." } });
 * const { data, error } = await api.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
 *   params: { path: { "application-id": "1111...", "journey-id": "aaaa..." }, query: { "page-size": 50 } },
 * });
 * ```
 */
export const createJourneyRunsFetchClient = (options: JourneyRunsClientOptions): JourneyRunsFetchClient => {
  const { send, baseUrl } = createPipeline(options);
  return createClient<paths>({
    baseUrl,
    headers: { accept: "application/json" },
    pathSerializer,
    querySerializer,
    fetch: async (request) => {
      let answer: { body: string; response: ResponseInit };
      try {
        answer = await send(
          request.method,
          request.url,
          Object.fromEntries(request.headers),
          request.body ? new Uint8Array(await request.arrayBuffer()) : undefined,
          request.signal,
          // The query is the caller's (keys in any order, a custom querySerializer): SigV4 signs it sorted.
          canonicalQuery,
        );
      } catch (error) {
        if (!isPinpointServiceException(error)) throw error;
        answer = { body: error.response.body, response: error.response };
      }
      return new Response(answer.body || null, answer.response);
    },
  });
};
