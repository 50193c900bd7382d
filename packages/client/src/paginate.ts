import type { JourneyRun, JourneyRunsResponse } from "@journey-runs/types";
import type { GetJourneyRunsInput } from "./input.js";
import type { CallOptions } from "./options.js";
import { invalidResponse } from "./page.js";
import type { PipelineResult } from "./pipeline.js";

/** One page request as the client makes it: the page, and the answer it came in. */
export type FetchPage = (
  input: GetJourneyRunsInput,
  options?: CallOptions,
) => Promise<[JourneyRunsResponse, PipelineResult]>;

/**
 * The pages of a journey's runs from `input.token` (or the first page), following `NextToken` until a page has none.
 * A service that answers a token with the same token would loop forever: that is an `InvalidResponseError`.
 */
export async function* paginate(
  fetchPage: FetchPage,
  input: GetJourneyRunsInput,
  options?: CallOptions,
): AsyncGenerator<JourneyRunsResponse, void, undefined> {
  let token = input?.token;
  for (;;) {
    const [page, result] = await fetchPage({ ...input, token }, options);
    yield page;
    if (!page.NextToken) return;
    if (page.NextToken === token) {
      throw invalidResponse(result, "repeats the token it was asked with as NextToken (an endless loop)");
    }
    token = page.NextToken;
  }
}

/** The runs of every page, one by one, fetching the next page when the previous one is used up. */
export async function* iterateRuns(
  fetchPage: FetchPage,
  input: GetJourneyRunsInput,
  options?: CallOptions,
): AsyncGenerator<JourneyRun, void, undefined> {
  for await (const page of paginate(fetchPage, input, options)) yield* page.Item;
}
