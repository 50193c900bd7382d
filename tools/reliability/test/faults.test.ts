import {
  AbortError,
  createJourneyRunsClient,
  InternalServerErrorException,
  InvalidResponseError,
  type JourneyRunsClientOptions,
  NetworkError,
  PinpointServiceException,
  TimeoutError,
  TooManyRequestsException,
} from "@journey-runs/client";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { awsError, type FaultyHandler, okPage, startFaultyServer } from "./support/faulty-server.js";
import { startMockProcess } from "./support/mock-process.js";
import { leakedHandles, openHandles } from "./support/resources.js";
import { trackUnhandled } from "./support/unhandled.js";

const INPUT = { applicationId: "11111111112222222222333333333344", journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd" };

/** What one call against a faulty server did. */
interface Run {
  outcome: unknown;
  requests: number;
  /** The backoff waits the client announced through onRetry, in ms. */
  delays: number[];
  /** Virtual time the call took (fake timers): timeouts plus backoff waits. */
  elapsed: number;
  timersLeft: number;
  leaked: Record<string, number>;
  unhandled: unknown[];
}

/**
 * Calls GetJourneyRuns once against a faulty server under fake timers (jitter fixed at 0.5): every backoff wait and
 * timeout is advanced exactly, so elapsed time is deterministic. Then checks what was left behind.
 */
const callFaulty = async (
  handler: FaultyHandler,
  options: Partial<JourneyRunsClientOptions> = {},
  drive: { timeoutOnRequest?: number; signal?: AbortSignal } = {},
): Promise<Run> => {
  const baseline = openHandles();
  const unhandled = trackUnhandled();
  const server = await startFaultyServer((req, res, n) => {
    handler(req, res, n);
    // A request that will never be answered: move the fake clock by the client's timeout once it has arrived.
    if (drive.timeoutOnRequest) vi.advanceTimersByTime(drive.timeoutOnRequest);
  });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const started = Date.now();
  const delays: number[] = [];
  const client = createJourneyRunsClient({
    endpoint: server.url,
    // A per-attempt timeout in every scenario, so that "no timer left" also proves each attempt clears its own.
    timeoutMs: 30_000,
    ...options,
    retry: { random: () => 0.5, ...(options.retry || {}) },
    onRetry: (event) => {
      delays.push(event.delayMs);
      // The backoff timer is set right after onRetry returns: advance the fake clock by exactly that wait.
      queueMicrotask(() => vi.advanceTimersByTime(event.delayMs));
    },
  });
  const outcome = await client.getJourneyRuns(INPUT, { signal: drive.signal }).catch((error: unknown) => error);
  const elapsed = Date.now() - started;
  const timersLeft = vi.getTimerCount();
  vi.useRealTimers();
  const requests = server.requests;
  await server.close();
  return {
    outcome,
    requests,
    delays,
    elapsed,
    timersLeft,
    leaked: await leakedHandles(baseline),
    unhandled: unhandled.stop(),
  };
};

/** Nothing left behind: no client timer, no socket or server handle, no unhandled rejection. */
const expectClean = (run: Run) => {
  expect(run.timersLeft, "timers left by the client").toBe(0);
  expect(run.leaked, "open handles left").toEqual({});
  expect(run.unhandled, "unhandled rejections").toEqual([]);
};

beforeAll(async () => {
  // undici creates its own 1 s tick timer on the first fetch: create it now, with real timers, so that fake timers
  // later count only what the client sets.
  const server = await startFaultyServer((_req, res) => okPage(res));
  await (await fetch(server.url)).text();
  await server.close();
});

afterEach(() => {
  vi.useRealTimers();
});

// Expected waits use AWS standard mode with jitter 0.5: random() * min(base * 2^i, 20 s), base 100 ms (transient) or
// 500 ms (throttling), raised by a Retry-After hint to min(hint, backoff + 5 s).
describe("fault injection over real HTTP on 127.0.0.1", () => {
  it("retries a connection reset, then throws a retryable NetworkError after 3 attempts and 50 + 100 ms of backoff", async () => {
    const run = await callFaulty((req) => req.socket.resetAndDestroy());
    expect(run.outcome).toBeInstanceOf(NetworkError);
    expect((run.outcome as NetworkError).retryable).toBe(true);
    expect(run.requests).toBe(3);
    expect(run.delays).toEqual([50, 100]);
    expect(run.elapsed).toBe(150);
    expectClean(run);
  });

  it("times out a server that never answers: TimeoutError after 3 attempts of 2 s and 150 ms of backoff", async () => {
    const run = await callFaulty(() => {}, { timeoutMs: 2_000 }, { timeoutOnRequest: 2_000 });
    expect(run.outcome).toBeInstanceOf(TimeoutError);
    expect((run.outcome as TimeoutError).timeoutMs).toBe(2_000);
    expect(run.requests).toBe(3);
    expect(run.delays).toEqual([50, 100]);
    expect(run.elapsed).toBe(3 * 2_000 + 150);
    expectClean(run);
  });

  it("aborts a call to a server that never answers at once when its signal aborts, without retrying", async () => {
    const controller = new AbortController();
    const run = await callFaulty(
      () => controller.abort(new Error("user left the page")),
      {},
      { signal: controller.signal },
    );
    expect(run.outcome).toBeInstanceOf(AbortError);
    expect((run.outcome as AbortError).cause).toEqual(new Error("user left the page"));
    expect(run.requests).toBe(1);
    expect(run.delays).toEqual([]);
    expectClean(run);
  });

  it("retries a body cut short (Content-Length 2000, 40 bytes sent) as a lost connection: NetworkError after 3 attempts", async () => {
    const run = await callFaulty((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "2000" });
      res.write('{"Item":[{"CreationTime":"2000-01-01T00:');
      setImmediate(() => res.socket?.destroy());
    });
    expect(run.outcome).toBeInstanceOf(NetworkError);
    expect(run.requests).toBe(3);
    expect(run.delays).toEqual([50, 100]);
    expectClean(run);
  });

  it("does not retry malformed JSON in a 200: InvalidResponseError after 1 attempt, with the body in the error", async () => {
    const run = await callFaulty((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "req-1" });
      res.end('{"Item": [{"RunId": "r1", ');
    });
    expect(run.outcome).toBeInstanceOf(InvalidResponseError);
    expect((run.outcome as InvalidResponseError).retryable).toBe(false);
    expect((run.outcome as InvalidResponseError).response.body).toBe('{"Item": [{"RunId": "r1", ');
    expect((run.outcome as InvalidResponseError).requestId).toBe("req-1");
    expect(run.requests).toBe(1);
    expect(run.elapsed).toBe(0);
    expectClean(run);
  });

  it("retries an HTML 502 from a proxy as transient, then throws a PinpointServiceException of status 502", async () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    const run = await callFaulty((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(html);
    });
    const error = run.outcome as PinpointServiceException;
    expect(error).toBeInstanceOf(PinpointServiceException);
    expect(error.status).toBe(502);
    expect(error.$fault).toBe("server");
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/502/);
    expect(error.response.body).toBe(html);
    expect(run.requests).toBe(3);
    expect(run.delays).toEqual([50, 100]);
    expectClean(run);
  });

  it("waits out a burst of two 429s with Retry-After: 1 (1 s each, above the 250/500 ms backoff) and then succeeds", async () => {
    const run = await callFaulty((_req, res, n) =>
      n <= 2 ? awsError(res, 429, "TooManyRequestsException", { "retry-after": "1" }) : okPage(res),
    );
    expect(run.outcome).toMatchObject({ Item: [{ RunId: "99999999998888888888777777777766" }] });
    expect(run.requests).toBe(3);
    expect(run.delays).toEqual([1_000, 1_000]);
    expect(run.elapsed).toBe(2_000);
    expectClean(run);
  });

  it("caps a Retry-After hint at the backoff + 5 s, and throws TooManyRequestsException when the burst outlasts 3 attempts", async () => {
    const run = await callFaulty((_req, res) =>
      awsError(res, 429, "TooManyRequestsException", { "retry-after": "3600" }),
    );
    expect(run.outcome).toBeInstanceOf(TooManyRequestsException);
    expect((run.outcome as TooManyRequestsException).retryable).toBe(true);
    expect(run.requests).toBe(3);
    expect(run.delays).toEqual([250 + 5_000, 500 + 5_000]);
    expect(run.elapsed).toBe(10_750);
    expectClean(run);
  });

  it("retries a run of 500s: InternalServerErrorException after 3 attempts, or success on the 5th of 5 attempts", async () => {
    const failing = await callFaulty((_req, res) => awsError(res, 500, "InternalServerErrorException"));
    expect(failing.outcome).toBeInstanceOf(InternalServerErrorException);
    expect(failing.requests).toBe(3);
    expect(failing.elapsed).toBe(150);
    expectClean(failing);

    const recovering = await callFaulty(
      (_req, res, n) => (n <= 4 ? awsError(res, 500, "InternalServerErrorException") : okPage(res)),
      { retry: { maxAttempts: 5 } },
    );
    expect(recovering.outcome).toMatchObject({ Item: [expect.any(Object)] });
    expect(recovering.requests).toBe(5);
    expect(recovering.delays).toEqual([50, 100, 200, 400]);
    expect(recovering.elapsed).toBe(750);
    expectClean(recovering);
  });

  it("does not retry the documented client errors (400, 403, 404, 405, 413): one attempt each", async () => {
    const types = {
      400: "BadRequestException",
      403: "ForbiddenException",
      404: "NotFoundException",
      405: "MethodNotAllowedException",
      413: "PayloadTooLargeException",
    };
    for (const [status, type] of Object.entries(types)) {
      const run = await callFaulty((_req, res) => awsError(res, Number(status), type));
      expect((run.outcome as PinpointServiceException).name).toBe(type);
      expect((run.outcome as PinpointServiceException).retryable).toBe(false);
      expect(run.requests).toBe(1);
      expectClean(run);
    }
  });

  it("retries a refused connection (nothing listening) and throws a retryable NetworkError naming ECONNREFUSED", async () => {
    const server = await startFaultyServer(() => {});
    const { url } = server;
    await server.close();
    const baseline = openHandles();
    const unhandled = trackUnhandled();
    const delays: number[] = [];
    const client = createJourneyRunsClient({
      endpoint: url,
      retry: { random: () => 0 },
      onRetry: (event) => delays.push(event.delayMs),
    });
    const error = await client.getJourneyRuns(INPUT).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/ECONNREFUSED/);
    expect(delays).toEqual([0, 0]);
    expect(await leakedHandles(baseline)).toEqual({});
    expect(unhandled.stop()).toEqual([]);
  });

  it("stops retrying when a long run of 500s has drained the retry quota (500 tokens, 10 per retry)", async () => {
    const server = await startFaultyServer((_req, res) => awsError(res, 500, "InternalServerErrorException"));
    const client = createJourneyRunsClient({ endpoint: server.url, retry: { random: () => 0 } });
    for (let call = 0; call < 30; call++) {
      await expect(client.getJourneyRuns(INPUT)).rejects.toBeInstanceOf(InternalServerErrorException);
    }
    // 25 calls of 3 attempts spend the 500 tokens; the 5 calls after them get a single attempt.
    expect(server.requests).toBe(25 * 3 + 5);
    await server.close();
  });

  it("times out a server that sends headers and part of the body, then stalls: TimeoutError after 3 attempts", async () => {
    const run = await callFaulty(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"Item":[');
      },
      { timeoutMs: 1_000 },
      { timeoutOnRequest: 1_000 },
    );
    expect(run.outcome).toBeInstanceOf(TimeoutError);
    expect(run.requests).toBe(3);
    expect(run.elapsed).toBe(3 * 1_000 + 150);
    expectClean(run);
  });

  it("aborts during a backoff wait at once: AbortError, no further attempt, no timer left", async () => {
    const baseline = openHandles();
    const unhandled = trackUnhandled();
    const server = await startFaultyServer((_req, res) =>
      awsError(res, 429, "TooManyRequestsException", { "retry-after": "10" }),
    );
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const started = Date.now();
    const controller = new AbortController();
    const delays: number[] = [];
    const client = createJourneyRunsClient({
      endpoint: server.url,
      retry: { random: () => 0.5 },
      onRetry: (event) => {
        delays.push(event.delayMs);
        // The backoff timer (the hint of 10 s, capped at 250 ms + 5 s) is set right after onRetry returns: abort then.
        queueMicrotask(() => controller.abort(new Error("navigated away")));
      },
    });
    const outcome = await client.getJourneyRuns(INPUT, { signal: controller.signal }).catch((error: unknown) => error);
    const elapsed = Date.now() - started;
    const timersLeft = vi.getTimerCount();
    vi.useRealTimers();
    await server.close();
    expect(outcome).toBeInstanceOf(AbortError);
    expect((outcome as AbortError).cause).toEqual(new Error("navigated away"));
    expect(server.requests).toBe(1);
    expect(delays).toEqual([250 + 5_000]);
    expect(elapsed).toBe(0);
    expectClean({
      outcome,
      requests: 1,
      delays,
      elapsed,
      timersLeft,
      leaked: await leakedHandles(baseline),
      unhandled: unhandled.stop(),
    });
  });
});

describe("clock skew against journey-runs-mock in its own process (its own clock)", () => {
  it("recovers from a client clock 20 minutes slow: 403 InvalidSignatureException (Signature expired), then a corrected signature succeeds", async () => {
    const credentials = { accessKeyId: "AKIDSKEWTEST", secretAccessKey: "skew/test/secret" };
    const mock = await startMockProcess(["--quiet"], {
      JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: credentials.accessKeyId,
      JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
    const unhandled = trackUnhandled();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 20 * 60_000 });
    const errors: string[] = [];
    const client = createJourneyRunsClient({
      region: "us-east-1",
      endpoint: mock.url,
      credentials,
      retry: { random: () => 0 },
      onRetry: (event) =>
        errors.push(
          `${(event.error as PinpointServiceException).errorType}: ${(event.error as PinpointServiceException).serviceMessage}`,
        ),
    });
    const first = await client.getJourneyRuns(INPUT).catch((error: unknown) => error);
    const second = await client.getJourneyRuns(INPUT).catch((error: unknown) => error);
    vi.useRealTimers();
    await mock.stop();
    expect(first).toMatchObject({ Item: expect.any(Array) });
    expect(errors).toEqual([expect.stringMatching(/^InvalidSignatureException: Signature expired/)]);
    // The correction is kept: the next call is signed right the first time.
    expect(second).toMatchObject({ Item: expect.any(Array) });
    expect(errors).toHaveLength(1);
    expect(unhandled.stop()).toEqual([]);
  });
});
