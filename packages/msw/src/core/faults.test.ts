import { describe, expect, test } from "vitest";
import { callFake, EXAMPLE_PATH } from "../../test/support/call-fake.js";
import { createJourneyRunsFake } from "./fake.js";
import { REMEMBERED_CALLS } from "./faults.js";

/** The statuses that the attempts of one call get: `attempts` requests with the same invocation id. */
async function call(fake: ReturnType<typeof createJourneyRunsFake>, id: string | undefined, attempts = 3) {
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const headers: Record<string, string> = { "amz-sdk-request": `attempt=${attempt}; max=${attempts}` };
    if (id !== undefined) headers["amz-sdk-invocation-id"] = id;
    statuses.push((await callFake(fake, { headers })).status);
  }
  return statuses;
}

describe("faults per call", () => {
  test("failNext(500) fails every attempt of the next call, and only that call", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500);
    expect(await call(fake, "call-1")).toEqual([500, 500, 500]);
    expect(await call(fake, "call-2")).toEqual([200, 200, 200]);
  });

  test("times counts calls", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500, { times: 2 });
    expect(await call(fake, "a", 2)).toEqual([500, 500]);
    expect(await call(fake, "b", 2)).toEqual([500, 500]);
    expect(await call(fake, "c", 2)).toEqual([200, 200]);
  });

  test("scope: request fails the next request whatever its call: the retry succeeds", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500, { scope: "request" });
    expect(await call(fake, "a")).toEqual([500, 200, 200]);
  });

  test("throttle(count) is per request by default: a retrying call recovers", async () => {
    const fake = createJourneyRunsFake();
    fake.throttle(2);
    expect(await call(fake, "a")).toEqual([429, 429, 200]);
    fake.throttle(1, { scope: "call" });
    expect(await call(fake, "b")).toEqual([429, 429, 429]);
  });

  test("a request without an invocation id is a call of its own", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(404, { times: 2 });
    expect(await call(fake, undefined)).toEqual([404, 404, 200]);
  });

  test("calls take the queued faults in order, each call keeps its own", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500);
    fake.failNext(403);
    const first = (await callFake(fake, { headers: { "amz-sdk-invocation-id": "a" } })).status;
    const second = (await callFake(fake, { headers: { "amz-sdk-invocation-id": "b" } })).status;
    expect([first, second]).toEqual([500, 403]);
    expect((await callFake(fake, { headers: { "amz-sdk-invocation-id": "a" } })).status).toBe(500);
    expect((await callFake(fake, { headers: { "amz-sdk-invocation-id": "b" } })).status).toBe(403);
  });

  test("networkErrorNext is per call too", async () => {
    const fake = createJourneyRunsFake();
    fake.networkErrorNext();
    const request = (id: string) =>
      fake.handle({
        method: "GET",
        path: EXAMPLE_PATH,
        query: "",
        headers: new Headers({ "amz-sdk-invocation-id": id }),
      });
    expect((await request("a"))?.kind).toBe("network-error");
    expect((await request("a"))?.kind).toBe("network-error");
    expect((await request("b"))?.kind).toBe("response");
  });

  test(`remembers at most ${REMEMBERED_CALLS} bound calls: the oldest is forgotten first`, async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500, { times: REMEMBERED_CALLS + 1 });
    const statuses = new Set<number | undefined>();
    for (let i = 0; i <= REMEMBERED_CALLS; i++) {
      const result = await fake.handle({
        method: "GET",
        path: EXAMPLE_PATH,
        query: "",
        headers: new Headers({ "amz-sdk-invocation-id": `call-${i}` }),
      });
      statuses.add(result?.kind === "response" ? result.status : undefined);
    }
    expect([...statuses]).toEqual([500]);
    expect((await callFake(fake, { headers: { "amz-sdk-invocation-id": "call-0" } })).status).toBe(200);
    expect((await callFake(fake, { headers: { "amz-sdk-invocation-id": `call-${REMEMBERED_CALLS}` } })).status).toBe(
      500,
    );
  });

  test("clearFaults and reset forget bound calls", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500);
    expect(await call(fake, "a", 1)).toEqual([500]);
    fake.clearFaults();
    expect(await call(fake, "a", 1)).toEqual([200]);
  });

  test.each([
    [{ kind: "status", status: 418 }, /documented error status/],
    [{ kind: "status", status: 500, times: 0 }, /times must be a whole number >= 1/],
    [{ kind: "status", status: 500, scope: "attempt" }, /scope must be "call" or "request"/],
    [{ kind: "explode" }, /fault kind must be/],
    [{ kind: "always", status: 500, message: 5 }, /message must be a string/],
  ])("rejects the fault %j with INVALID_ARGUMENT", (spec, message) => {
    const fake = createJourneyRunsFake();
    expect(() => fake.fault(spec as never)).toThrow(message);
    expect(() => fake.fault(spec as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("aborted requests", () => {
  test("a request aborted during the latency is not answered and uses up no fault", async () => {
    const fake = createJourneyRunsFake({ latency: 20 });
    fake.failNext(500);
    const controller = new AbortController();
    const aborted = callFake(fake, { signal: controller.signal }).catch((error: Error) => error.message);
    controller.abort();
    expect(await aborted).toMatch(/network-error/);
    expect((await callFake(fake)).status).toBe(500);
    expect((await callFake(fake)).status).toBe(200);
    expect(fake.journal().map((entry) => entry.status)).toEqual([500, 200]);
  });

  test("an already aborted request uses up no fault, even without latency", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500, { scope: "request" });
    const controller = new AbortController();
    controller.abort();
    await expect(callFake(fake, { signal: controller.signal })).rejects.toThrow(/network-error/);
    expect((await callFake(fake)).status).toBe(500);
  });
});

describe("a request repeated by another call while it waits (StrictMode under msw/browser, no abort signal)", () => {
  const send = (fake: ReturnType<typeof createJourneyRunsFake>, id: string, query = "") =>
    fake
      .handle({ method: "GET", path: EXAMPLE_PATH, query, headers: new Headers({ "amz-sdk-invocation-id": id }) })
      .then((result) => (result?.kind === "response" ? result.status : result?.kind));

  test("the abandoned first request uses up no fault: the repeating call gets every attempt's error", async () => {
    const fake = createJourneyRunsFake({ latency: 20 });
    fake.failNext(500);
    const [first, second] = await Promise.all([send(fake, "mount-1"), send(fake, "mount-2")]);
    expect([first, second]).toEqual([200, 500]);
    expect(await send(fake, "mount-2")).toBe(500);
    expect(await send(fake, "later")).toBe(200);
  });

  test("requests for different pages are not repeats: the first one takes the fault", async () => {
    const fake = createJourneyRunsFake({ latency: 20 });
    fake.failNext(500);
    expect(await Promise.all([send(fake, "a", "page-size=1"), send(fake, "b", "page-size=2")])).toEqual([500, 200]);
  });

  test("a call already bound to a fault keeps it when repeated", async () => {
    const fake = createJourneyRunsFake({ latency: 20 });
    fake.failNext(500, { times: 2 });
    expect(await send(fake, "a")).toBe(500);
    expect(await Promise.all([send(fake, "a"), send(fake, "b")])).toEqual([500, 500]);
  });
});
