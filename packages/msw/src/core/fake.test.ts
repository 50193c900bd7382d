import { afterEach, describe, expect, test, vi } from "vitest";
import { callFake, EXAMPLE_PATH } from "../../test/support/call-fake.js";
import { examples } from "../generated/contract.js";
import { ERROR_STATUSES, errorTypeOf } from "./contract-rules.js";
import { createJourneyRunsFake, PAYLOAD_QUOTA_BYTES } from "./fake.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("GetJourneyRuns on the example journey", () => {
  test("answers the official AWS example exactly", async () => {
    const answer = await callFake(createJourneyRunsFake());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(examples.official);
    expect(answer.headers.get("x-amzn-RequestId")).toMatch(UUID_V4);
  });

  test("gives every response a new request id", async () => {
    const fake = createJourneyRunsFake();
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add((await callFake(fake)).headers.get("x-amzn-RequestId"));
    expect(ids.size).toBe(5);
  });
});

describe("validation", () => {
  const long = "x".repeat(257);
  test.each([
    ["page-size=0", /page-size must be a whole number from 1 to 100, got "0"/],
    ["page-size=101", /from 1 to 100, got "101"/],
    ["page-size=1.5", /got "1.5"/],
    ["page-size=-1", /got "-1"/],
    ["page-size=abc", /got "abc"/],
    ["page-size=", /got ""/],
    ["page-size=1e1", /got "1e1"/],
    ["page-size=2&page-size=3", /page-size must be given at most once/],
    ["token=", /token must be 1 to 1024 characters long, got 0/],
    [`token=${"a".repeat(1025)}`, /token must be 1 to 1024 characters long, got 1025/],
    ["token=bm90LWEtdG9rZW4", /not a NextToken that this service issued/],
  ])("answers ?%s with 400 BadRequestException", async (query, message) => {
    const answer = await callFake(createJourneyRunsFake(), { query });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("X-Amzn-ErrorType")).toBe("BadRequestException");
    expect(answer.body.Message).toMatch(message);
  });

  test.each([
    ["application-id", `/v1/apps/${long}/journeys/j/runs`],
    ["journey-id", `/v1/apps/a/journeys/${long}/runs`],
  ])("answers a %s of 257 characters with 400", async (label, path) => {
    const answer = await callFake(createJourneyRunsFake(), { path });
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toBe(`${label} must be 1 to 256 characters long, got 257.`);
  });

  test("counts a label's length after percent-decoding", async () => {
    const fake = createJourneyRunsFake();
    fake.store.addJourney("é".repeat(256), "j");
    const answer = await callFake(fake, { path: `/v1/apps/${"%C3%A9".repeat(256)}/journeys/j/runs` });
    expect(answer.status).toBe(200);
  });

  test("answers a label that is not valid percent-encoding with 400", async () => {
    const answer = await callFake(createJourneyRunsFake(), { path: "/v1/apps/%zz/journeys/j/runs" });
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toMatch(/application-id is not valid percent-encoding/);
  });

  test.each([
    ["an unknown application", "/v1/apps/nope/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs", "Application not found"],
    ["an unknown journey", "/v1/apps/11111111112222222222333333333344/journeys/nope/runs", "Journey not found"],
  ])("answers %s with 404 NotFoundException", async (_name, path, message) => {
    const answer = await callFake(createJourneyRunsFake(), { path });
    expect(answer.status).toBe(404);
    expect(answer.headers.get("X-Amzn-ErrorType")).toBe("NotFoundException");
    expect(answer.body.Message).toBe(message);
  });

  test.each(["POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])("answers %s with 405", async (method) => {
    const answer = await callFake(createJourneyRunsFake(), { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("X-Amzn-ErrorType")).toBe("MethodNotAllowedException");
    expect(answer.body.Message).toBe(`Method ${method} is not allowed on this resource`);
  });

  test("answers a request over the 7 MB quota with 413", async () => {
    const headers = { "content-length": String(PAYLOAD_QUOTA_BYTES + 1) };
    const answer = await callFake(createJourneyRunsFake(), { method: "POST", headers });
    expect(answer.status).toBe(413);
  });

  test.each(["/", "/v1/apps/a/journeys/j", "/v1/apps//journeys/j/runs", "/v1/apps/a/journeys/j/runs/x"])(
    "does not handle %s",
    async (path) => {
      await expect(
        createJourneyRunsFake().handle({ method: "GET", path, query: "", headers: new Headers() }),
      ).resolves.toBe(undefined);
    },
  );
});

describe("faults", () => {
  test.each(ERROR_STATUSES)("failNext(%i) answers that error once, then the page", async (status) => {
    const fake = createJourneyRunsFake();
    fake.failNext(status);
    const failed = await callFake(fake);
    expect(failed.status).toBe(status);
    expect(failed.headers.get("X-Amzn-ErrorType")).toBe(errorTypeOf(status));
    expect((await callFake(fake)).status).toBe(200);
  });

  test("failNext with times and a message, then queued faults in order", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500, { times: 2, message: "boom" });
    fake.throttle(1);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await callFake(fake));
    expect(statuses.map((a) => a.status)).toEqual([500, 500, 429, 200]);
    expect(statuses[0]?.body.Message).toBe("boom");
  });

  test("failAlways lasts until clearFaults", async () => {
    const fake = createJourneyRunsFake();
    fake.failAlways(403);
    expect((await callFake(fake)).status).toBe(403);
    expect((await callFake(fake)).status).toBe(403);
    fake.clearFaults();
    expect((await callFake(fake)).status).toBe(200);
  });

  test("networkErrorNext fails the next request at the network level only", async () => {
    const fake = createJourneyRunsFake();
    fake.networkErrorNext();
    const request = { method: "GET", path: EXAMPLE_PATH, query: "", headers: new Headers() };
    await expect(fake.handle(request)).resolves.toEqual({ kind: "network-error" });
    expect((await callFake(fake)).status).toBe(200);
  });

  test("rejects an undocumented status with a JourneyRunsMockError", () => {
    const fake = createJourneyRunsFake();
    expect(() => fake.failNext(418 as 400)).toThrow(/documented error status \(400, 403, 404, 405, 413, 429, 500\)/);
    expect(() => fake.failNext(400, { times: 0 })).toThrow(/times must be a whole number >= 1/);
    expect(() => fake.setLatency(-1)).toThrow(/latency/);
  });

  test("reset clears faults and data", async () => {
    const fake = createJourneyRunsFake();
    fake.failAlways(500);
    fake.store.example?.addRuns(5);
    fake.reset();
    expect((await callFake(fake)).body).toEqual(examples.official);
  });
});

describe("Prefer: code=NNN", () => {
  test.each(ERROR_STATUSES)("forces %i", async (status) => {
    const answer = await callFake(createJourneyRunsFake(), { headers: { prefer: `code=${status}` } });
    expect(answer.status).toBe(status);
  });

  // A forced error must not contradict the request: a GET with page-size 10 told "got \"0\"", or "Method DELETE".
  test.each([
    [400, "BadRequestException"],
    [403, "ForbiddenException"],
    [405, "MethodNotAllowedException"],
    [413, "PayloadTooLargeException"],
  ] as const)("a forced %i says it was forced, naming nothing the request did not send", async (status, type) => {
    const answer = await callFake(createJourneyRunsFake(), {
      query: "page-size=10",
      headers: { prefer: `code=${status}` },
    });
    expect(answer.body.Message).toBe(
      `${type} forced by journey-runs-mock (a fault or "Prefer: code=${status}"), whatever the request.`,
    );
  });

  test.each([
    [404, "Journey not found"],
    [429, "Too many requests"],
    [500, "Internal server error"],
  ] as const)("a forced %i keeps the contract's message, which describes the service", async (status, message) => {
    const answer = await callFake(createJourneyRunsFake(), { headers: { prefer: `code=${status}` } });
    expect(answer.body.Message).toBe(message);
  });

  test("a fault for the next call without a message says it was forced; one with a message keeps it", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(400);
    expect((await callFake(fake, { query: "page-size=10" })).body.Message).toMatch(/^BadRequestException forced by/);
    fake.failNext(400, { message: 'page-size must be a whole number from 1 to 100, got "0".' });
    expect((await callFake(fake)).body.Message).toBe('page-size must be a whole number from 1 to 100, got "0".');
  });

  test("code=200 and other preferences leave the answer alone", async () => {
    expect((await callFake(createJourneyRunsFake(), { headers: { prefer: "code=200" } })).status).toBe(200);
    expect((await callFake(createJourneyRunsFake(), { headers: { prefer: "return=minimal" } })).status).toBe(200);
  });

  test("finds the code among other preferences", async () => {
    const answer = await callFake(createJourneyRunsFake(), { headers: { prefer: "dynamic=true, code=404" } });
    expect(answer.status).toBe(404);
  });

  test.each(["418", "4290", "abc", ""])("answers code=%s with 400 naming the documented statuses", async (code) => {
    const answer = await callFake(createJourneyRunsFake(), { headers: { prefer: `code=${code}` } });
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toMatch(/use one of 200, 400, 403, 404, 405, 413, 429, 500/);
  });
});

describe("latency", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("holds each answer for the latency, and setLatency changes it", async () => {
    vi.useFakeTimers();
    const fake = createJourneyRunsFake({ latency: 200 });
    const request = { method: "GET", path: EXAMPLE_PATH, query: "", headers: new Headers() };
    let settled = false;
    const pending = fake.handle(request).then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    await expect(pending).resolves.toMatchObject({ status: 200 });
    fake.setLatency(0);
    await expect(fake.handle(request)).resolves.toMatchObject({ status: 200 });
  });

  test("reset restores the latency given at creation", async () => {
    vi.useFakeTimers();
    const fake = createJourneyRunsFake({ latency: 0 });
    fake.setLatency(1_000);
    fake.reset();
    await expect(
      fake.handle({ method: "GET", path: EXAMPLE_PATH, query: "", headers: new Headers() }),
    ).resolves.toMatchObject({ status: 200 });
  });
});
