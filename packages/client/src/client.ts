import type { JourneyRun, JourneyRunsResponse } from "@journey-runs/types";
import { type GetJourneyRunsInput, pathSerializer, querySerializer } from "./input.js";
import type { CallOptions, JourneyRunsClientOptions } from "./options.js";
import { readPage } from "./page.js";
import { type FetchPage, paginate } from "./paginate.js";
import { createPipeline } from "./pipeline.js";

/** A client of GetJourneyRuns, made by `createJourneyRunsClient`. */
export interface JourneyRunsClient {
  /** One page of runs: `{ Item, NextToken? }`. Throws this package's typed errors. */
  getJourneyRuns(input: GetJourneyRunsInput, options?: CallOptions): Promise<JourneyRunsResponse>;
  /** The pages from `input.token` (or the first), following `NextToken` until the last page. */
  paginateJourneyRuns(input: GetJourneyRunsInput, options?: CallOptions): AsyncGenerator<JourneyRunsResponse, void>;
  /** The runs across all pages, one at a time. */
  iterateJourneyRuns(input: GetJourneyRunsInput, options?: CallOptions): AsyncGenerator<JourneyRun, void>;
}

/**
 * Creates a client of Amazon Pinpoint GetJourneyRuns: SigV4-signed (when given credentials), retried as the AWS SDKs'
 * standard mode, with typed errors and paginators.
 *
 * @example
 * ```ts
 * import { createJourneyRunsClient } from "@journey-runs/client";
 *
 * const client = createJourneyRunsClient({
 *   region: "us-east-1",
 *   credentials: { accessKeyId: "AKIA...", secretAccessKey: "..." },
 * });
 * const page = await client.getJourneyRuns({ applicationId: "1111...", journeyId: "aaaa...", pageSize: 50 });
 * for await (const run of client.iterateJourneyRuns({ applicationId: "1111...", journeyId: "aaaa..." })) {
 *   console.log(run.RunId, run.Status);
 * }
 * ```
 */
export const createJourneyRunsClient = (options: JourneyRunsClientOptions): JourneyRunsClient => {
  const { send, baseUrl } = createPipeline(options);
  const fetchPage: FetchPage = async (input, callOptions) => {
    const { applicationId, journeyId, pageSize, token } = input ?? ({} as GetJourneyRunsInput);
    // The URL is built with the fetch client's serializers, as openapi-fetch's `createFinalURL` builds it, without a
    // `Request` (which costs more than the rest of the call): see docs/decisions/0003-client-signing.md.
    const url = pathSerializer(`${baseUrl}/v1/apps/{application-id}/journeys/{journey-id}/runs`, {
      "application-id": applicationId,
      "journey-id": journeyId,
    });
    const query = querySerializer({ "page-size": pageSize, token });
    // querySerializer encodes values the AWS way and `page-size` sorts before `token`: the query is canonical already.
    const result = await send(
      "GET",
      query ? `${url}?${query}` : url,
      { accept: "application/json" },
      undefined,
      callOptions?.signal,
    );
    return { page: readPage(result), result };
  };
  return {
    getJourneyRuns: async (input, callOptions) => (await fetchPage(input, callOptions)).page,
    paginateJourneyRuns: (input, callOptions) => paginate(fetchPage, input, callOptions),
    iterateJourneyRuns: (input, callOptions) => paginate(fetchPage, input, callOptions, true),
  };
};
