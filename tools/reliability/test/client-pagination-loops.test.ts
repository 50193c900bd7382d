/**
 * Paginators never loop forever. Token cycles of any length after any prefix, and ever-new tokens
 * on empty pages, end with InvalidResponseError within a bounded number of pages, in paginateJourneyRuns and
 * iterateJourneyRuns; a long chain of distinct tokens on non-empty pages is followed to its end.
 */
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INPUT, run, stubFetch } from "./support/client-stub.js";
import { checkProperty } from "./support/property.js";

/** Drains the paginator (`pages`) or the run iterator of a client over `fetch`; the error it ends with, if any. */
const drain = async (fetch: ReturnType<typeof stubFetch>, runs: boolean) => {
  const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:9", fetch, retry: false });
  try {
    if (runs) for await (const _ of client.iterateJourneyRuns(INPUT));
    else for await (const _ of client.paginateJourneyRuns(INPUT));
    return undefined;
  } catch (error) {
    return error;
  }
};

describe("the client's paginators under looping services", () => {
  it("end a token cycle of any length after any prefix within 2 x max(prefix + 1, cycle) + cycle + 2 pages (Brent)", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        fc.boolean(),
        async (prefix, cycle, empty, runs) => {
          // Token i leads to i + 1, and the last one back to the first of the cycle.
          const fetch = stubFetch((token) => {
            const i = token === null ? -1 : Number(token.slice(1));
            const next = i + 1 < prefix + cycle ? i + 1 : prefix;
            return { Item: empty ? [] : [run(`r${i}`)], NextToken: `t${next}` };
          });
          const error = await drain(fetch, runs);
          expect(isJourneyRunsError(error, "InvalidResponseError"), String(error)).toBe(true);
          expect(fetch.calls).toBeLessThanOrEqual(2 * Math.max(prefix + 1, cycle) + cycle + 2);
        },
      ),
      200,
    );
  });

  it("end ever-new tokens on empty pages after 10 pages", async () => {
    for (const runs of [false, true]) {
      let n = 0;
      const fetch = stubFetch(() => ({ Item: [], NextToken: `fresh-${n++}` }));
      const error = await drain(fetch, runs);
      expect(isJourneyRunsError(error, "InvalidResponseError")).toBe(true);
      expect(fetch.calls).toBe(10);
    }
  });

  it("follow a chain of distinct tokens on non-empty pages (or with fewer than 10 empty pages in a row) to its end", async () => {
    await checkProperty(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 400 }), async (sizes) => {
        // Runs of 0 to 3 per page, at least one in every ninth: never 10 empty pages in a row.
        const pages = sizes.map((size, i) => (i % 9 === 8 ? Math.max(size, 1) : size));
        const fetch = stubFetch((token) => {
          const i = token === null ? 0 : Number(token.slice(1));
          return {
            Item: Array.from({ length: pages[i] as number }, (_, k) => run(`r${i}-${k}`)),
            ...(i + 1 < pages.length ? { NextToken: `t${i + 1}` } : {}),
          };
        });
        expect(await drain(fetch, true)).toBeUndefined();
        expect(fetch.calls).toBe(pages.length);
      }),
      100,
    );
  });
});
