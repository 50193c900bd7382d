import {
  BadRequestException,
  createJourneyRunsClient,
  type GetJourneyRunsInput,
  InvalidInputError,
} from "@journey-runs/client";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendableId } from "./support/arbitraries.js";
import { checkProperty } from "./support/property.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 5 });
});
afterAll(() => server.close());

describe("ids reach journey-runs-mock over HTTP as the same string", () => {
  it("finds the journey stored under any sendable application and journey id (unicode, reserved characters, 256 long)", async () => {
    const client = createJourneyRunsClient({ endpoint: server.url, retry: false });
    await checkProperty(
      fc.asyncProperty(sendableId, sendableId, async (applicationId, journeyId) => {
        server.fake.store.removeApplication(applicationId);
        const run = server.fake.store.addJourney(applicationId, journeyId).addRun();
        // A near miss stored beside it: an id the mock decoded differently would find this one or none.
        server.fake.store.addJourney(`${applicationId}x`, journeyId).addRun();
        const page = await client.getJourneyRuns({ applicationId, journeyId });
        expect(page.Item).toEqual([run]);
        server.fake.store.removeApplication(applicationId);
        server.fake.store.removeApplication(`${applicationId}x`);
      }),
      200,
    );
  });

  it("sends ids longer than the mock's 256-character limit and gets the documented 400 BadRequestException", async () => {
    const client = createJourneyRunsClient({ endpoint: server.url, retry: false });
    await checkProperty(
      fc.asyncProperty(
        fc.string({ unit: "binary", minLength: 257, maxLength: 600 }).filter((id) => id.length > 256),
        fc.boolean(),
        async (longId, asApplication) => {
          const input = asApplication
            ? { applicationId: longId, journeyId: "j" }
            : { applicationId: "a", journeyId: longId };
          const error = await client.getJourneyRuns(input).catch((thrown: unknown) => thrown);
          expect(error).toBeInstanceOf(BadRequestException);
          expect((error as BadRequestException).message).toMatch(/must be 1 to 256 characters long/);
        },
      ),
      30,
    );
  });
});

/** Whether `text` is well-formed Unicode (no lone surrogate): `encodeURIComponent` throws otherwise. */
const wellFormed = (text: string): boolean => {
  try {
    return encodeURIComponent(text).length >= 0;
  } catch {
    return false;
  }
};

/** Ids that cannot be sent: empty, `.` and `..` (URL parsers drop those segments), lone surrogates, non-strings. */
const unsendable: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("", ".", "..", undefined, null, 42, true, {}, ["a"]),
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
    .map(([a, surrogate, b]) => `${a}${String.fromCharCode(surrogate)}${b}`)
    .filter((id) => !wellFormed(id)),
);

describe("ids that cannot be sent are refused by the client before any request", () => {
  it("throws InvalidInputError naming the field, and sends nothing", async () => {
    let sent = 0;
    const client = createJourneyRunsClient({
      endpoint: "http://127.0.0.1:9",
      fetch: async () => {
        sent++;
        return new Response("{}");
      },
    });
    await checkProperty(
      fc.asyncProperty(unsendable, fc.boolean(), async (bad, asApplication) => {
        const input = (
          asApplication ? { applicationId: bad, journeyId: "j" } : { applicationId: "a", journeyId: bad }
        ) as GetJourneyRunsInput;
        const error = await client.getJourneyRuns(input).catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(InvalidInputError);
        const field = asApplication ? "applicationId" : "journeyId";
        expect((error as InvalidInputError).field).toBe(field);
        expect((error as InvalidInputError).message).toMatch(new RegExp(`${field} must be a non-empty string`));
        expect(sent).toBe(0);
      }),
      100,
    );
  });
});
