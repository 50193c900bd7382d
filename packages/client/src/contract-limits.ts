import { JOURNEY_RUN_STATUSES } from "@journey-runs/types";

/** The run statuses of the contract, generated into `@journey-runs/types` (a status the contract adds is accepted at once). */
export const RUN_STATUSES: ReadonlySet<string> = new Set(JOURNEY_RUN_STATUSES);

/** `maxItems` of `JourneyRunsResponse.Item` in the contract (src/contract-limits.test.ts compares it with the YAML). */
export const MAX_ITEMS = 100;

/** How many empty pages in a row that still carry a `NextToken` a paginator follows before it calls it a loop. */
export const MAX_EMPTY_PAGES = 10;
