import type { JourneyRun, JourneyRunsResponse } from "@journey-runs/types";
import { MAX_EMPTY_PAGES } from "./contract-limits.js";
import { invalidResponse } from "./errors/invalid-response-error.js";
import type { GetJourneyRunsInput } from "./input.js";
import type { CallOptions } from "./options.js";
import type { PipelineResult } from "./read-answer.js";

/** One page request as the client makes it: the page, and the answer it came in. */
export type FetchPage = (
  input: GetJourneyRunsInput,
  options?: CallOptions,
) => Promise<{ page: JourneyRunsResponse; result: PipelineResult }>;

/**
 * The pages of a journey's runs from `input.token` (or the first page), following `NextToken` until a page has none.
 * A service whose tokens come back in a cycle, of any length, or that sends `MAX_EMPTY_PAGES` empty pages in a row
 * with a `NextToken`, would make it loop forever: that is an `InvalidResponseError`. Cycles are found in constant
 * memory with Brent's algorithm: one saved token, replaced after 1, 2, 4, 8, ... pages, so a cycle of `n` tokens after
 * `m` others ends within `2 max(m + 1, n) + n + 2` pages (an immediate repeat of the token asked with, at once).
 */
export function paginate(
  fetchPage: FetchPage,
  input: GetJourneyRunsInput,
  options: CallOptions | undefined,
  runs?: false,
): AsyncGenerator<JourneyRunsResponse, void, undefined>;
/** With `runs`: the runs of every page, one by one, fetching the next page when the previous one is used up. */
export function paginate(
  fetchPage: FetchPage,
  input: GetJourneyRunsInput,
  options: CallOptions | undefined,
  runs: true,
): AsyncGenerator<JourneyRun, void, undefined>;
export async function* paginate(
  fetchPage: FetchPage,
  input: GetJourneyRunsInput,
  options: CallOptions | undefined,
  runs?: boolean,
): AsyncGenerator<JourneyRunsResponse | JourneyRun, void, undefined> {
  let token = input?.token;
  let saved = token;
  let empty = 0;
  for (let steps = 0, lap = 1; ; ) {
    const { page, result } = await fetchPage({ ...input, token }, options);
    yield* runs ? page.Item : [page];
    const next = page.NextToken;
    if (!next) return;
    empty = page.Item.length ? 0 : empty + 1;
    if (next === token || next === saved || empty >= MAX_EMPTY_PAGES) {
      throw invalidResponse(result, `loops (a NextToken seen before, or ${MAX_EMPTY_PAGES} empty pages)`);
    }
    if (++steps === lap) {
      saved = next;
      lap *= 2;
      steps = 0;
    }
    token = next;
  }
}
