import { createJourneyRunsClient, type RetryEvent } from "@journey-runs/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const input = { applicationId: "a", journeyId: "j" };
const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };
const ok = () => new Response(JSON.stringify({ Item: [] }), { status: 200 });
const fail = (status: number, type: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ Message: type }), { status, headers: { "x-amzn-errortype": type, ...headers } });

/** A `fetch` that answers from a script and records each request's headers and the (fake) time it was sent. */
const scripted = (...answers: (() => Response | Promise<Response>)[]) => {
  const sent: { headers: Record<string, string>; at: number }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    sent.push({ headers: { ...(init.headers as Record<string, string>) }, at: Date.now() });
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  });
  return { fetch, sent };
};

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("retries (AWS standard mode)", () => {
  it("waits random() * 100 * 2^i ms for a 500, signs each attempt anew, keeps one invocation id", async () => {
    const { fetch, sent } = scripted(
      () => fail(500, "InternalServerErrorException"),
      () => fail(503, ""),
      ok,
    );
    const events: RetryEvent[] = [];
    const client = createJourneyRunsClient({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:4010",
      credentials,
      fetch,
      retry: { random: () => 0.5 },
      onRetry: (event) => events.push(event),
    });
    const call = client.getJourneyRuns(input);
    await vi.runAllTimersAsync();
    await expect(call).resolves.toEqual({ Item: [] });
    expect(events.map(({ attempt, delayMs, maxAttempts }) => [attempt, delayMs, maxAttempts])).toEqual([
      [1, 50, 3],
      [2, 100, 3],
    ]);
    expect(sent.map(({ at }) => at - Date.UTC(2025, 0, 1))).toEqual([0, 50, 150]);
    expect(sent.map(({ headers }) => headers["amz-sdk-request"])).toEqual([
      "attempt=1; max=3",
      "attempt=2; max=3",
      "attempt=3; max=3",
    ]);
    expect(new Set(sent.map(({ headers }) => headers["amz-sdk-invocation-id"])).size).toBe(1);
    expect(new Set(sent.map(({ headers }) => headers.authorization)).size).toBe(3);
    expect(new Set(sent.map(({ headers }) => headers["x-amz-date"])).size).toBe(1);
  });

  it("gives a new x-amz-date to an attempt made a second or more later", async () => {
    const { fetch, sent } = scripted(() => fail(429, "TooManyRequestsException"), ok);
    const client = createJourneyRunsClient({ region: "us-east-1", credentials, fetch, retry: { random: () => 0.999 } });
    const call = client.getJourneyRuns(input);
    await vi.runAllTimersAsync();
    await call;
    // The throttling backoff is 0.999 * 500 = 499 ms: still the same second; so wait 2 s of fake time with a hint.
    expect(sent.map(({ headers }) => headers["x-amz-date"])).toEqual(["20250101T000000Z", "20250101T000000Z"]);
    const hinted = scripted(() => fail(429, "TooManyRequestsException", { "retry-after": "2" }), ok);
    const again = createJourneyRunsClient({ region: "us-east-1", credentials, fetch: hinted.fetch }).getJourneyRuns(
      input,
    );
    await vi.runAllTimersAsync();
    await again;
    expect(hinted.sent.map(({ headers }) => headers["x-amz-date"])).toEqual(["20250101T000000Z", "20250101T000002Z"]);
    expect(hinted.sent[0]?.headers.authorization).not.toBe(hinted.sent[1]?.headers.authorization);
  });

  it("waits from a 500 ms base for throttling, and raises the wait to Retry-After", async () => {
    const { fetch, sent } = scripted(
      () => fail(429, "TooManyRequestsException"),
      () => fail(429, "TooManyRequestsException", { "retry-after": "2" }),
      () => fail(429, "TooManyRequestsException", { "x-amz-retry-after": "9000" }),
      ok,
    );
    const client = createJourneyRunsClient({
      endpoint: "http://x",
      fetch,
      retry: { maxAttempts: 4, random: () => 0.5 },
    });
    const call = client.getJourneyRuns(input);
    await vi.runAllTimersAsync();
    await call;
    // 250 (0.5 * 500), then max(500, min(2000, 5500)) = 2000, then max(1000, min(9000, 6000)) = 6000.
    expect(sent.map(({ at }) => at - Date.UTC(2025, 0, 1))).toEqual([0, 250, 2250, 8250]);
  });

  it("honours a Retry-After HTTP date", async () => {
    const at = new Date(Date.UTC(2025, 0, 1, 0, 0, 3)).toUTCString();
    const { fetch, sent } = scripted(() => fail(503, "", { "retry-after": at }), ok);
    const client = createJourneyRunsClient({ endpoint: "http://x", fetch, retry: { random: () => 0 } });
    const call = client.getJourneyRuns(input);
    await vi.runAllTimersAsync();
    await call;
    expect(sent[1]?.at).toBe(Date.UTC(2025, 0, 1, 0, 0, 3));
  });

  it("does not retry client errors, and stops after maxAttempts with the last error", async () => {
    const notFound = scripted(() => fail(404, "NotFoundException"));
    const client = createJourneyRunsClient({ endpoint: "http://x", fetch: notFound.fetch });
    await expect(client.getJourneyRuns(input)).rejects.toMatchObject({ name: "NotFoundException" });
    expect(notFound.sent).toHaveLength(1);

    const failing = scripted(...Array.from({ length: 3 }, () => () => fail(500, "InternalServerErrorException")));
    const call = createJourneyRunsClient({ endpoint: "http://x", fetch: failing.fetch }).getJourneyRuns(input);
    const settled = call.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await settled).toMatchObject({ name: "InternalServerErrorException", retryable: true });
    expect(failing.sent).toHaveLength(3);
  });

  it("retries a lost connection as transient", async () => {
    const { fetch, sent } = scripted(() => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    }, ok);
    const call = createJourneyRunsClient({ endpoint: "http://x", fetch }).getJourneyRuns(input);
    await vi.runAllTimersAsync();
    await expect(call).resolves.toEqual({ Item: [] });
    expect(sent).toHaveLength(2);
  });

  it("ends a backoff wait at once when the signal aborts", async () => {
    const { fetch, sent } = scripted(() => fail(500, "InternalServerErrorException"), ok);
    const controller = new AbortController();
    const client = createJourneyRunsClient({ endpoint: "http://x", fetch, retry: { random: () => 0.99 } });
    const settled = client.getJourneyRuns(input, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await settled).toMatchObject({ name: "AbortError" });
    expect(vi.getTimerCount()).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it("stops retrying when the retry quota runs out, and refills it on success", async () => {
    const answers = Array.from({ length: 4 }, () => () => fail(500, "InternalServerErrorException"));
    const { fetch, sent } = scripted(...answers, ok);
    const client = createJourneyRunsClient({ endpoint: "http://x", fetch, retry: { quota: 15, random: () => 0 } });
    const first = client.getJourneyRuns(input).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    // 15 tokens: one transient retry (10), then 5 left: no second retry.
    expect(await first).toMatchObject({ name: "InternalServerErrorException" });
    expect(sent).toHaveLength(2);
    const second = client.getJourneyRuns(input).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await second).toMatchObject({ name: "InternalServerErrorException" });
    expect(sent).toHaveLength(3);
  });

  it("makes one attempt with retry: false", async () => {
    const { fetch, sent } = scripted(() => fail(500, "InternalServerErrorException"));
    const client = createJourneyRunsClient({ endpoint: "http://x", fetch, retry: false });
    await expect(client.getJourneyRuns(input)).rejects.toMatchObject({ status: 500 });
    expect(sent[0]?.headers["amz-sdk-request"]).toBe("attempt=1; max=1");
  });

  it("corrects a clock skew shown by the Date header and retries the error once", async () => {
    const serverTime = new Date(Date.UTC(2025, 0, 1, 1, 0, 0)).toUTCString();
    const { fetch, sent } = scripted(() => fail(403, "ForbiddenException", { date: serverTime }), ok);
    const client = createJourneyRunsClient({ region: "us-east-1", credentials, fetch, retry: { random: () => 0 } });
    const call = client.getJourneyRuns(input);
    await vi.runAllTimersAsync();
    await call;
    expect(sent.map(({ headers }) => headers["x-amz-date"])).toEqual(["20250101T000000Z", "20250101T010000Z"]);
  });

  it("ignores the Date header of unsigned calls: no signature to correct, so a 403 is not retried", async () => {
    const serverTime = new Date(Date.UTC(2025, 0, 1, 1, 0, 0)).toUTCString();
    const { fetch, sent } = scripted(() => fail(403, "ForbiddenException", { date: serverTime }), ok);
    const client = createJourneyRunsClient({ endpoint: "http://x", fetch, retry: { random: () => 0 } });
    const call = client.getJourneyRuns(input).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await call).toMatchObject({ name: "ForbiddenException", retryable: false });
    expect(sent).toHaveLength(1);
  });
});
