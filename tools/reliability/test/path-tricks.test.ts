import {
  BadRequestException,
  createJourneyRunsClient,
  createJourneyRunsFetchClient,
  InvalidInputError,
  NotFoundException,
} from "@journey-runs/client";
import { createJourneyRunsMock } from "@journey-runs/msw";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContractValidator } from "../src/contract.js";
import { EXAMPLE } from "./support/arbitraries.js";
import { rawRequest } from "./support/http.js";

const validate = createContractValidator();
const RUNS = `/v1/apps/${EXAMPLE.applicationId}/journeys/${EXAMPLE.journeyId}/runs`;
const LONG = "x".repeat(10_000);

/** Ids that try to leave their path segment: traversal, encoded slashes, query and fragment markers, NUL. */
const TRICKS = [
  "../x",
  `../../${EXAMPLE.applicationId}`,
  "..%2F..%2F",
  "a/b",
  "/",
  "%2F",
  "a?page-size=1",
  "?",
  "a#b",
  "#",
  "a\0b",
  "\0",
  "%00",
  "...",
  "./.",
  "\\..\\",
  " ",
  "%",
];

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, runs: 5 });
});
afterAll(() => server.close());

describe("path tricks through the client", () => {
  const client = () => createJourneyRunsClient({ endpoint: server.url, retry: false });
  const fetchClient = () => createJourneyRunsFetchClient({ endpoint: server.url, retry: false });

  it("encodes every tricky id so that it reaches the runs route as the same string, in getJourneyRuns and createJourneyRunsFetchClient", async () => {
    for (const trick of TRICKS) {
      const run = server.fake.store.addJourney(trick, trick).addRun();
      expect((await client().getJourneyRuns({ applicationId: trick, journeyId: trick })).Item).toEqual([run]);
      const { data } = await fetchClient().GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
        params: { path: { "application-id": trick, "journey-id": trick } },
      });
      expect(data?.Item).toEqual([run]);
      // The same id under the example application: a trick that escaped its segment would land on the example.
      const error = await client()
        .getJourneyRuns({ applicationId: EXAMPLE.applicationId, journeyId: trick })
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(NotFoundException);
      server.fake.store.removeApplication(trick);
    }
  });

  it('refuses "." and ".." as ids (URL parsers would drop them) with InvalidInputError, before sending', async () => {
    for (const id of [".", ".."]) {
      for (const input of [
        { applicationId: id, journeyId: EXAMPLE.journeyId },
        { applicationId: EXAMPLE.applicationId, journeyId: id },
      ]) {
        await expect(client().getJourneyRuns(input)).rejects.toBeInstanceOf(InvalidInputError);
        await expect(
          fetchClient().GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
            params: { path: { "application-id": input.applicationId, "journey-id": input.journeyId } },
          }),
        ).rejects.toBeInstanceOf(InvalidInputError);
      }
    }
  });

  it("sends a 10,000-character id and gets the documented 400 with a short message, and the mock keeps serving", async () => {
    const error = (await client()
      .getJourneyRuns({ applicationId: LONG, journeyId: EXAMPLE.journeyId })
      .catch((thrown: unknown) => thrown)) as BadRequestException;
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.serviceMessage).toBe("application-id must be 1 to 256 characters long, got 10000.");
    expect((await client().getJourneyRuns(EXAMPLE)).Item.length).toBe(7);
  });
});

describe("path tricks sent raw to journey-runs-mock (a hostile client, no encoding)", () => {
  const raw: [name: string, path: string, status: number][] = [
    [
      "a dot-dot segment before the ids",
      `/v1/apps/x/../${EXAMPLE.applicationId}/journeys/${EXAMPLE.journeyId}/runs`,
      404,
    ],
    ["a dot-dot segment after the runs path", `${RUNS}/../runs`, 404],
    [
      "an encoded slash that hides a traversal",
      `/v1/apps/x%2F..%2F${EXAMPLE.applicationId}/journeys/${EXAMPLE.journeyId}/runs`,
      404,
    ],
    ["encoded dots as a label", `/v1/apps/%2E%2E/journeys/${EXAMPLE.journeyId}/runs`, 404],
    ["an encoded question mark in the last segment", `${RUNS}%3Fpage-size=1`, 404],
    ["a fragment in the target", `${RUNS}#fragment`, 404],
    ["an encoded NUL as a label", `/v1/apps/%00/journeys/${EXAMPLE.journeyId}/runs`, 404],
    ["a 10,000-character label", `/v1/apps/${LONG}/journeys/${EXAMPLE.journeyId}/runs`, 400],
    ["a 10,000-character path of segments", `/${"a/".repeat(5_000)}`, 404],
    ["a label that is not percent-encoding", `/v1/apps/%E0%A4%A/journeys/${EXAMPLE.journeyId}/runs`, 400],
    ["a double slash", `/v1/apps//journeys/${EXAMPLE.journeyId}/runs`, 404],
  ];
  it.each(raw.map(([name, path, status]) => [name, status, path] as const))(
    "answers %s with the documented %i, and keeps serving",
    async (_, status, path) => {
      const answer = await rawRequest(server.url, { method: "GET", path });
      expect(validate(answer)).toEqual([]);
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.body).Message.length).toBeLessThanOrEqual(2048);
      expect((await rawRequest(server.url, { method: "GET", path: RUNS })).status).toBe(200);
    },
  );

  it("survives a raw NUL byte in the request line (refused by Node's HTTP parser) and keeps serving", async () => {
    const { connect } = await import("node:net");
    const { port } = new URL(server.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.end(`GET /v1/apps/a\0b/journeys/${EXAMPLE.journeyId}/runs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      });
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk;
      });
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect((await rawRequest(server.url, { method: "GET", path: RUNS })).status).toBe(200);
  });
});

describe("path tricks through the MSW handlers", () => {
  const mock = createJourneyRunsMock({ seed: 2 });
  const msw = setupServer(...mock.handlers);
  beforeAll(() => msw.listen({ onUnhandledRequest: "bypass" }));
  afterAll(() => msw.close());

  it("encodes every tricky id through the client so that MSW serves the journey stored under that exact id", async () => {
    const client = createJourneyRunsClient({ region: "eu-west-1", retry: false });
    for (const trick of TRICKS) {
      const run = mock.store.addJourney(trick, EXAMPLE.journeyId).addRun();
      expect((await client.getJourneyRuns({ applicationId: trick, journeyId: EXAMPLE.journeyId })).Item).toEqual([run]);
      mock.store.removeApplication(trick);
    }
  });
});
