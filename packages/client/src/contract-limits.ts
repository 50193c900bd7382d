import type { JourneyRunStatus } from "@journey-runs/types";

/**
 * The run statuses of the contract, as keys. `satisfies` makes a status the contract adds or drops a compile error here,
 * so the list cannot drift from the generated `JourneyRunStatus`.
 */
export const RUN_STATUSES = { SCHEDULED: 1, RUNNING: 1, COMPLETED: 1, CANCELLED: 1 } satisfies Record<
  JourneyRunStatus,
  1
>;

/** `maxItems` of `JourneyRunsResponse.Item` in the contract (src/contract-limits.test.ts compares it with the YAML). */
export const MAX_ITEMS = 100;

/** How many empty pages in a row that still carry a `NextToken` a paginator follows before it calls it a loop. */
export const MAX_EMPTY_PAGES = 10;
