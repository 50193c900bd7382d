/**
 * The client checks a page field by field against the contract. Any page the contract allows is
 * returned as it came; any page with one field off the contract (a Status outside the enum, more runs than maxItems,
 * an empty NextToken, a field of the wrong type or missing) is an InvalidResponseError, not retried.
 */
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INPUT, stubFetch } from "./support/client-stub.js";
import { checkProperty } from "./support/property.js";

const STATUSES = ["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"] as const;

/** One valid run, to put beside a bad one. */
const validRunValue = { CreationTime: "t", LastUpdateTime: "t", RunId: "r", Status: "RUNNING" };

/** A run the contract allows (ids and times as any non-empty strings: the client checks types, not formats). */
const validRun = fc.record({
  CreationTime: fc.string({ minLength: 1, maxLength: 64 }),
  LastUpdateTime: fc.string({ minLength: 1, maxLength: 64 }),
  RunId: fc.string({ minLength: 1, maxLength: 256 }),
  Status: fc.constantFrom(...STATUSES),
});

const validPage = fc.record(
  { Item: fc.array(validRun, { maxLength: 100 }), NextToken: fc.string({ minLength: 1, maxLength: 1024 }) },
  { requiredKeys: ["Item"] },
);

/** Something that is not a non-empty string. */
const notAString = fc.oneof(
  fc.constant(""),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.object(),
  fc.array(fc.nat()),
);

/** A page with one thing off the contract, and what it is. */
const invalidPage = fc.oneof(
  fc
    .tuple(
      validPage,
      fc.string().filter((s) => !(STATUSES as readonly string[]).includes(s)),
      fc.nat(),
    )
    .map(([page, status, at]) => {
      // The bad run anywhere in the page.
      const Item: unknown[] = [...page.Item];
      Item.splice(at % (Item.length + 1), 0, { ...validRunValue, Status: status });
      return { page: { ...page, Item }, off: `Status ${JSON.stringify(status)}` };
    }),
  fc
    .integer({ min: 101, max: 2_000 })
    .map((n) => ({ page: { Item: Array.from({ length: n }, () => validRunValue) }, off: `${n} runs` })),
  validPage.map((page) => ({ page: { ...page, NextToken: "" }, off: "NextToken empty" })),
  fc
    .tuple(validPage, fc.constantFrom("CreationTime", "LastUpdateTime", "RunId", "Status"), notAString, fc.boolean())
    .map(([page, field, value, drop]) => {
      const bad: Record<string, unknown> = { ...validRunValue };
      if (drop) delete bad[field];
      else bad[field] = value;
      return {
        page: { ...page, Item: [...page.Item, bad] },
        off: `${field} ${drop ? "missing" : JSON.stringify(value)}`,
      };
    }),
  fc
    .tuple(validPage, fc.oneof(fc.integer(), fc.object(), fc.boolean()))
    .map(([page, token]) => ({ page: { ...page, NextToken: token }, off: `NextToken ${JSON.stringify(token)}` })),
  fc
    .oneof(fc.constant(null), fc.object(), fc.string(), fc.integer())
    .map((item) => ({ page: { Item: item }, off: `Item ${JSON.stringify(item)}` })),
);

describe("the client's page check", () => {
  it("returns every page the contract allows, as it came", async () => {
    await checkProperty(
      fc.asyncProperty(validPage, async (page) => {
        const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:9", fetch: stubFetch(() => page) });
        expect(await client.getJourneyRuns(INPUT)).toEqual(page);
      }),
      200,
    );
  });

  it("refuses every page with one field off the contract, with InvalidResponseError and one request", async () => {
    await checkProperty(
      fc.asyncProperty(invalidPage, async ({ page, off }) => {
        const fetch = stubFetch(() => page);
        const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:9", fetch });
        const error = await client.getJourneyRuns(INPUT).catch((e: unknown) => e);
        expect(isJourneyRunsError(error, "InvalidResponseError"), `${off}: ${String(error)}`).toBe(true);
        expect(fetch.calls).toBe(1);
      }),
      300,
    );
  });
});
