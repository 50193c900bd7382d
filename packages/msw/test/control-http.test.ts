import { connectJourneyRunsControl, JourneyRunsControlError } from "@journey-runs/msw/control";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

const PREFIX = "/_journey-runs-mock";
let server: MockServer;
let control: ReturnType<typeof connectJourneyRunsControl>;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 3, control: true });
  control = connectJourneyRunsControl(server.url);
});
afterAll(() => server.close());
beforeEach(() => control.setScene({}));

const runsOf = async (app: string, journey: string, query = "") => {
  const response = await fetch(`${server.url}/v1/apps/${app}/journeys/${journey}/runs${query}`);
  return {
    status: response.status,
    body: (await response.json()) as { Item?: { RunId: string }[]; NextToken?: string },
  };
};

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JourneyRunsControlError);
  return error as JourneyRunsControlError;
};

describe("the control plane over HTTP", () => {
  test("health says the fake is up, on a manual clock", async () => {
    expect(await control.health()).toEqual({ status: "ok", clock: "manual", now: "2026-01-01T00:00:00.000Z" });
  });

  test("journeys and runs set up over HTTP are what GetJourneyRuns serves", async () => {
    await control.addJourney("app 1", "j/1");
    const added = await control.addRuns("app 1", "j/1", [{ runId: "r1", status: "COMPLETED" }, { runId: "r2" }]);
    expect(added.map((run) => [run.RunId, run.Status])).toEqual([
      ["r1", "COMPLETED"],
      ["r2", "SCHEDULED"],
    ]);
    const seeded = await control.addRuns("app 1", "j/1", 3);
    expect(seeded).toHaveLength(3);
    const page = await runsOf("app%201", "j%2F1", "?page-size=100");
    expect(page.body.Item?.map((run) => run.RunId)).toEqual(["r1", "r2", ...seeded.map((run) => run.RunId)]);
    const cancelled = await control.setRunStatus("app 1", "j/1", "r2", "CANCELLED");
    expect(cancelled.Status).toBe("CANCELLED");
    expect(await control.removeJourney("app 1", "j/1")).toBe(true);
    expect(await control.removeJourney("app 1", "j/1")).toBe(false);
    expect(await control.removeApplication("app 1")).toBe(true);
    expect((await runsOf("app%201", "j%2F1")).status).toBe(404);
  });

  test("the clock, scheduled runs and the scene that reset returns to", async () => {
    await control.setScene({ example: false, journeys: [{ applicationId: "a", journeyId: "j", runs: 2 }] });
    const run = await control.scheduleRun("a", "j", { runId: "s1", startsIn: 1000, runsFor: 1000 });
    expect(run.Status).toBe("SCHEDULED");
    expect(await control.advanceClock(1500)).toBe("2026-01-01T00:00:01.500Z");
    const runsOfA = async () =>
      (await control.dump()).applications.find((app) => app.applicationId === "a")?.journeys[0]?.runs;
    expect((await runsOfA())?.find((r) => r.RunId === "s1")?.Status).toBe("RUNNING");
    expect(await control.setClock("2026-02-01T00:00:00.000Z")).toBe("2026-02-01T00:00:00.000Z");
    await control.reset();
    expect((await control.health()).now).toBe("2026-01-01T00:00:00.000Z");
    expect(await runsOfA()).toHaveLength(2);
  });

  test("dump and load round-trip the whole state", async () => {
    await control.addRuns("11111111112222222222333333333344", "aaaaaaaaaabbbbbbbbbbccccccccccdd", 5);
    const state = await control.dump();
    await control.setScene({ example: false });
    expect((await control.dump()).applications.flatMap((app) => app.journeys)).toEqual([]);
    await control.load(state);
    expect(await control.dump()).toEqual(state);
  });

  test("faults for the next call, throttling, latency and the journal", async () => {
    await control.clearJournal();
    await control.failNext(500);
    const headers = { "amz-sdk-invocation-id": "call-1", "amz-sdk-request": "attempt=1; max=3" };
    const path = `${server.url}/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs`;
    expect((await fetch(path, { headers })).status).toBe(500);
    expect((await fetch(path, { headers: { ...headers, "amz-sdk-request": "attempt=2; max=3" } })).status).toBe(500);
    expect((await fetch(path, { headers: { "amz-sdk-invocation-id": "call-2" } })).status).toBe(200);
    await control.throttle(1);
    expect((await fetch(path)).status).toBe(429);
    expect((await fetch(path)).status).toBe(200);
    await control.failAlways(403, { message: "no" });
    expect((await fetch(path)).status).toBe(403);
    await control.clearFaults();
    await control.setLatency(0);
    const journal = await control.journal({ limit: 3 });
    expect(journal.map((entry) => entry.status)).toEqual([429, 200, 403]);
    const all = await control.journal();
    expect(all.map((entry) => entry.status)).toEqual([500, 500, 200, 429, 200, 403]);
    expect(all[1]?.headers).toEqual({ "amz-sdk-invocation-id": "call-1", "amz-sdk-request": "attempt=2; max=3" });
    expect(all[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await control.clearJournal();
    expect(await control.journal()).toEqual([]);
  });
});

describe("errors of the control plane", () => {
  test("misuse has the in-process error's code and the documented status", async () => {
    const unknown = await rejection(control.addRuns("nope", "nope", 1));
    expect([unknown.code, unknown.status]).toEqual(["UNKNOWN_JOURNEY", 404]);
    const invalid = await rejection(control.failNext(418 as never));
    expect([invalid.code, invalid.status]).toEqual(["INVALID_ARGUMENT", 400]);
    await control.addJourney("a", "j");
    await control.addRuns("a", "j", [{ runId: "x" }]);
    const duplicate = await rejection(control.addRuns("a", "j", [{ runId: "x" }]));
    expect([duplicate.code, duplicate.status]).toEqual(["DUPLICATE_RUN", 409]);
    const badState = await rejection(control.load({ format: "journey-runs-mock/state", version: 2 } as never));
    expect(badState.code).toMatch(/^INVALID_(STATE|ARGUMENT)$/);
  });

  const raw = (path: string, init: RequestInit = {}) => fetch(`${server.url}${PREFIX}${path}`, init);
  // Writes carry the proof of intent (docs/decisions/0021-control-plane-intent.md).
  const json = { "content-type": "application/json", "x-journey-runs-mock-intent": "control" };

  test.each([
    ['{"kind":"status","status":500,"__proto__":{"polluted":true}}', "__proto__"],
    ['{"kind":"status","status":500,"constructor":{"prototype":{}}}', "constructor"],
    ["{not json", "not valid JSON"],
  ])("a body %s is refused as INVALID_JSON", async (body, said) => {
    const response = await raw("/faults", { method: "POST", headers: json, body });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; message: string };
    expect(error.code).toBe("INVALID_JSON");
    expect(error.message).toContain(said);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a body over 1 MiB is refused, a body that is not JSON too, an unknown operation is NOT_FOUND", async () => {
    const big = await raw("/scene", { method: "PUT", headers: json, body: `{"x":"${"a".repeat(1024 * 1024)}"}` });
    expect([big.status, ((await big.json()) as { code: string }).code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const text = await raw("/latency", {
      method: "PUT",
      headers: { "content-type": "text/plain", "x-journey-runs-mock-intent": "control" },
      body: '{"ms":1}',
    });
    expect([text.status, ((await text.json()) as { code: string }).code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const unknown = await raw("/nope");
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, "NOT_FOUND"]);
    const wrongMethod = await raw("/health", {
      method: "DELETE",
      headers: { "x-journey-runs-mock-intent": "control" },
    });
    expect(wrongMethod.status).toBe(404);
  });

  test("a tenant header without isolation is INVALID_TENANT", async () => {
    const error = await rejection(connectJourneyRunsControl(server.url, { tenant: "AKIDEXAMPLE" }).health());
    expect([error.code, error.status]).toEqual(["INVALID_TENANT", 400]);
  });
});

describe("the two doors are apart", () => {
  test("the control plane never answers a Pinpoint request, and Pinpoint paths never reach it", async () => {
    const pinpoint = await fetch(`${server.url}/v1/apps/a/journeys/j/runs/_journey-runs-mock/health`);
    expect(pinpoint.headers.get("x-amzn-errortype")).toMatch(/NotFoundException/);
    const control = await fetch(`${server.url}${PREFIX}/health`);
    expect(control.headers.get("x-amzn-requestid")).toBeNull();
    expect(control.headers.get("content-type")).toBe("application/json");
  });

  test("without --control, the prefix is a Pinpoint 404 like any unknown path", async () => {
    const plain = await startMockServer({ port: 0 });
    try {
      const response = await fetch(`${plain.url}${PREFIX}/health`);
      expect(response.status).toBe(404);
      expect(response.headers.get("x-amzn-errortype")).toMatch(/NotFoundException/);
    } finally {
      await plain.close();
    }
  });
});

describe("web pages of other origins", () => {
  const example = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd";

  test("may read the fake: reads answer with Access-Control-Allow-Origin", async () => {
    const response = await fetch(`${server.url}${PREFIX}/health`, { headers: { origin: "http://127.0.0.1:5173" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
  });

  test.each([
    ["POST", `${PREFIX}/reset`],
    ["DELETE", `${PREFIX}/journal`],
    ["PUT", `${PREFIX}/apps/b/journeys/k`],
  ])("may not change it: %s %s with a foreign Origin gets 401 and changes nothing", async (method, path) => {
    server.fake.store.addJourney("a", "j");
    const before = server.fake.dump();
    const response = await fetch(`${server.url}${path}`, { method, headers: { origin: "http://evil.example" } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe("UNAUTHORIZED");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(server.fake.dump()).toEqual(before);
  });

  test("a page of the server's own origin may change it", async () => {
    const response = await fetch(`${server.url}${PREFIX}/reset`, {
      method: "POST",
      headers: { origin: server.url, "x-journey-runs-mock-intent": "control" },
    });
    expect(response.status).toBeLessThan(300);
    expect((await fetch(`${server.url}${example}/runs`)).status).toBe(200);
  });
});
