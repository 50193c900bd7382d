import {
  createJourneyRunsClient,
  createJourneyRunsFetchClient,
  type GetJourneyRunsInput,
  InvalidInputError,
  isJourneyRunsError,
  type JourneyRunsClientOptions,
} from "@journey-runs/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProperty } from "./support/property.js";

const page = () =>
  new Response('{"Item":[]}', {
    headers: { "content-type": "application/json", "x-amzn-RequestId": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11" },
  });

/**
 * Anything a JavaScript caller (no TypeScript) might pass: primitives, Symbols, objects (null-prototype ones too),
 * arrays, dates, maps, odd numbers.
 */
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5, 0, -1, 2 ** 53, "", " ", "10", Symbol("x")),
);
const anyInput = anything;

describe("bad input never crashes the client", () => {
  it("getJourneyRuns with any input resolves, or rejects with InvalidInputError naming the field; never a TypeError", async () => {
    let sent = 0;
    const client = createJourneyRunsClient({
      endpoint: "http://127.0.0.1:9",
      retry: false,
      fetch: async () => {
        sent++;
        return page();
      },
    });
    await checkProperty(
      fc.asyncProperty(
        fc.oneof(
          anyInput,
          fc.record(
            {
              applicationId: fc.oneof(anything, fc.string()),
              journeyId: fc.oneof(anything, fc.string()),
              pageSize: anything,
              token: anything,
            },
            { requiredKeys: [] },
          ),
        ),
        async (input) => {
          const before = sent;
          const outcome = await client.getJourneyRuns(input as GetJourneyRunsInput).catch((error: unknown) => error);
          if (outcome instanceof Error || typeof outcome !== "object" || outcome === null || !("Item" in outcome)) {
            expect(outcome).toBeInstanceOf(InvalidInputError);
            expect((outcome as InvalidInputError).field).toMatch(/^(applicationId|journeyId|pageSize|token)$/);
            expect((outcome as InvalidInputError).message).toMatch(/^GetJourneyRuns: \w+ must /);
            expect(sent, "nothing is sent for refused input").toBe(before);
          } else expect(sent).toBe(before + 1);
        },
      ),
      300,
    );
  });

  it("createJourneyRunsClient and createJourneyRunsFetchClient with any options return a client or throw InvalidInputError", async () => {
    await checkProperty(
      fc.property(
        fc.oneof(
          anything,
          fc.record(
            {
              region: fc.oneof(anything, fc.constantFrom("us-east-1", "US_EAST_1", "", "us-east-1/../x")),
              endpoint: fc.oneof(
                anything,
                fc.constantFrom("http://127.0.0.1:4010", "ftp://x", "http://u:p@h", "http://h/?q", "not a url", ""),
              ),
              credentials: fc.oneof(anything, fc.constant({ accessKeyId: "AKID", secretAccessKey: "s" })),
              timeoutMs: anything,
              retry: fc.oneof(anything, fc.record({ maxAttempts: anything, random: anything }, { requiredKeys: [] })),
              fetch: anything,
              onRetry: anything,
            },
            { requiredKeys: [] },
          ),
        ),
        (options) => {
          for (const create of [createJourneyRunsClient, createJourneyRunsFetchClient]) {
            let thrown: unknown;
            try {
              create(options as JourneyRunsClientOptions);
            } catch (error) {
              thrown = error;
            }
            if (thrown !== undefined) {
              expect(isJourneyRunsError(thrown, "InvalidInputError"), String(thrown)).toBe(true);
              expect((thrown as InvalidInputError).field).toMatch(/^(options|credentials)/);
            }
          }
        },
      ),
      300,
    );
  });

  // These were bugs of @journey-runs/client, found by the properties above and fixed in the client; kept as
  // regression tests.
  const nullPrototype = Object.create(null) as object;
  const throwingToString = {
    toString: () => {
      throw new Error("toString was called");
    },
  };

  it("refuses an id or pageSize that cannot be turned into a string (null prototype, throwing toString) with InvalidInputError", async () => {
    const client = createJourneyRunsClient({ endpoint: "http://127.0.0.1:9", fetch: async () => page() });
    for (const input of [
      { applicationId: "a", journeyId: nullPrototype },
      { applicationId: throwingToString, journeyId: "j" },
      { applicationId: "a", journeyId: "j", pageSize: nullPrototype },
    ]) {
      await expect(client.getJourneyRuns(input as unknown as GetJourneyRunsInput)).rejects.toBeInstanceOf(
        InvalidInputError,
      );
    }
  });

  it("refuses a region that is not a string (a Symbol, a null-prototype object) with InvalidInputError", () => {
    for (const region of [Symbol("us-east-1"), nullPrototype]) {
      expect(() => createJourneyRunsClient({ region } as unknown as JourneyRunsClientOptions)).toThrow(
        InvalidInputError,
      );
    }
  });

  it("refuses or honours a timeoutMs above setTimeout's 2^31-1 ms (Node would cut it to 1 ms and time out every call)", async () => {
    const { startFaultyServer, okPage } = await import("./support/faulty-server.js");
    const server = await startFaultyServer((_req, res) => setTimeout(() => okPage(res), 20));
    try {
      for (const timeoutMs of [Number.POSITIVE_INFINITY, 3_000_000_000]) {
        let client: ReturnType<typeof createJourneyRunsClient>;
        try {
          client = createJourneyRunsClient({ endpoint: server.url, retry: false, timeoutMs });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
          continue;
        }
        await expect(client.getJourneyRuns({ applicationId: "a", journeyId: "j" })).resolves.toMatchObject({
          Item: [expect.any(Object)],
        });
      }
    } finally {
      await server.close();
    }
  });

  it("refuses a bigint timeoutMs when the client is created, not with a TypeError at every call", async () => {
    let thrown: unknown;
    try {
      const client = createJourneyRunsClient({
        endpoint: "http://127.0.0.1:9",
        timeoutMs: 5n as unknown as number,
        fetch: async () => page(),
      });
      await client.getJourneyRuns({ applicationId: "a", journeyId: "j" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown === undefined || thrown instanceof InvalidInputError, String(thrown)).toBe(true);
  });
});
