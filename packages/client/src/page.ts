import type { JourneyRunsResponse } from "@journey-runs/types";
import { MAX_ITEMS, RUN_STATUSES } from "./contract-limits.js";
import { invalidResponse } from "./errors/invalid-response-error.js";
import type { PipelineResult } from "./read-answer.js";

/**
 * The page in a 2xx body, checked field by field against the contract: JSON; `Item` an array of at most `maxItems`
 * (100) runs, each with `CreationTime`, `LastUpdateTime` and `RunId` non-empty strings and `Status` one of the
 * contract's statuses; `NextToken` absent, `null` (what AWS documents for the last page; removed) or a non-empty string.
 * Fields the contract does not name are let through (AWS adds fields to answers).
 */
export const readPage = (result: PipelineResult): JourneyRunsResponse => {
  let page: JourneyRunsResponse | undefined;
  try {
    page = JSON.parse(result.body);
  } catch {}
  if (page?.NextToken === null) delete page.NextToken;
  if (
    Array.isArray(page?.Item) &&
    page.Item.length <= MAX_ITEMS &&
    page.Item.every(
      (run) =>
        [run?.CreationTime, run?.LastUpdateTime, run?.RunId, run?.Status].every(
          (field) => typeof field === "string" && field,
        ) && RUN_STATUSES.has(run.Status),
    ) &&
    typeof (page.NextToken ?? "-") === "string" &&
    page.NextToken !== ""
  ) {
    return page;
  }
  throw invalidResponse(result, `is not a page of runs (JSON { Item: at most ${MAX_ITEMS} runs, NextToken? })`);
};
