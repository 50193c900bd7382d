import type { JourneyRunsResponse } from "@journey-runs/types";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import type { PipelineResult } from "./pipeline.js";

/** The `InvalidResponseError` of a 2xx answer that `problem` describes. */
export const invalidResponse = ({ response, snapshot }: PipelineResult, problem: string): InvalidResponseError => {
  const requestId = response.headers.get("x-amzn-requestid") ?? undefined;
  return new InvalidResponseError(
    `GetJourneyRuns got a ${response.status} response that ${problem} (request id ${requestId}). Check that the endpoint is Pinpoint.`,
    { response: snapshot(), requestId },
  );
};

/**
 * The page in a 2xx body, checked: JSON, `Item` an array of runs with their four string fields, `NextToken` a string
 * if present. A `null` `NextToken` (what AWS documents for the last page) is removed.
 */
export const readPage = (result: PipelineResult): JourneyRunsResponse => {
  let page: JourneyRunsResponse | undefined;
  try {
    page = JSON.parse(result.body);
  } catch {}
  if (page?.NextToken === null) delete page.NextToken;
  if (
    Array.isArray(page?.Item) &&
    page.Item.every((run) =>
      [run?.CreationTime, run?.LastUpdateTime, run?.RunId, run?.Status].every((field) => typeof field === "string"),
    ) &&
    /^(string|undefined)$/.test(typeof page.NextToken)
  ) {
    return page;
  }
  throw invalidResponse(result, "is not a page of runs (JSON { Item, NextToken? })");
};
