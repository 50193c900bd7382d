import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MAX_ITEMS, RUN_STATUSES } from "./contract-limits.js";

/** The schemas of openapi/journey-runs.yaml, read as the contract says them. */
const schemas = parse(readFileSync(new URL("../../../openapi/journey-runs.yaml", import.meta.url), "utf8")).components
  .schemas;

describe("the limits the client checks pages with", () => {
  it("are the contract's: maxItems of Item", () => {
    expect(MAX_ITEMS).toBe(schemas.JourneyRunsResponse.properties.Item.maxItems);
  });

  it("are the contract's: the run statuses, in its order", () => {
    expect([...RUN_STATUSES]).toEqual(schemas.JourneyRunStatus.enum);
  });
});
