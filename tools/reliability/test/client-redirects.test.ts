/**
 * The client never follows a redirect. Two real servers on 127.0.0.1 (two ports, two origins): the
 * endpoint answers any 3xx with a Location on the other origin (absolute, scheme-relative, https, or its own path);
 * the call ends with InvalidResponseError after exactly one request, not retried, and nothing (no request, so no
 * token, signature or amz header) reaches the other origin.
 */
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INPUT } from "./support/client-stub.js";
import { type FaultyServer, okPage, startFaultyServer } from "./support/faulty-server.js";
import { checkProperty } from "./support/property.js";

let endpoint: FaultyServer;
let other: FaultyServer;
/** What the endpoint answers now. */
let answer = { status: 302, location: "/" };
/** Headers of every request that reached the other origin. */
const leaked: Record<string, string | string[] | undefined>[] = [];

beforeAll(async () => {
  other = await startFaultyServer((req, res) => {
    leaked.push(req.headers);
    okPage(res);
  });
  endpoint = await startFaultyServer((_req, res) => {
    res.writeHead(answer.status, { location: answer.location, "content-type": "application/json" });
    res.end("{}");
  });
});
afterAll(async () => {
  await Promise.all([endpoint.close(), other.close()]);
});

describe("the client under redirects", () => {
  it("ends every 3xx with InvalidResponseError after one request, and sends nothing to another origin", async () => {
    const otherHost = new URL(other.url).host;
    await checkProperty(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(301, 302, 303, 307, 308), fc.integer({ min: 300, max: 399 })),
        fc.constantFrom(
          `${other.url}/v1/apps/a/journeys/j/runs`,
          `//${otherHost}/elsewhere`,
          `https://${otherHost}/`,
          `${other.url}/?token=x`,
          "/v1/apps/a/journeys/j/runs?page-size=1",
        ),
        fc.boolean(),
        async (status, location, signed) => {
          answer = { status, location };
          const before = endpoint.requests;
          const client = createJourneyRunsClient({
            endpoint: endpoint.url,
            retry: { random: () => 0 },
            ...(signed
              ? {
                  region: "us-east-1",
                  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "TOKEN" },
                }
              : {}),
          });
          const error = await client.getJourneyRuns(INPUT).catch((e: unknown) => e);
          expect(isJourneyRunsError(error, "InvalidResponseError"), String(error)).toBe(true);
          expect((error as Error).message).toContain(`got a ${status} response that is a redirect`);
          expect(endpoint.requests - before).toBe(1);
          expect(leaked).toEqual([]);
        },
      ),
      120,
    );
  });
});
