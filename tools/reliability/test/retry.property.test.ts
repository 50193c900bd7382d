import {
  createJourneyRunsClient,
  InternalServerErrorException,
  isJourneyRunsError,
  NetworkError,
  type PinpointServiceException,
  type RetryEvent,
  TooManyRequestsException,
} from "@journey-runs/client";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkProperty } from "./support/property.js";

const REQUEST_ID = "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11";

/** One scripted answer of the fake `fetch`. */
type Answer =
  | { kind: "page" }
  | { kind: "error"; status: 400 | 403 | 404 | 429 | 500 | 502 | 503 | 504; hint: Hint | undefined }
  | { kind: "network" };

/** A server hint: `Retry-After` in seconds or as an HTTP date, `x-amz-retry-after` in ms, or one that does not parse. */
type Hint = { header: "seconds" | "date" | "ms"; value: number } | { header: "garbage"; value: string };

/** The header of a hint, and what it is worth in ms from `now` (`undefined` when AWS SDKs ignore it). */
const hintHeader = (hint: Hint, now: number): [name: string, value: string, ms: number | undefined] => {
  switch (hint.header) {
    case "seconds":
      return ["retry-after", String(hint.value), hint.value * 1000];
    case "ms":
      return ["x-amz-retry-after", String(hint.value), hint.value];
    case "date": {
      const date = new Date(now + hint.value * 1000).toUTCString();
      return ["retry-after", date, Date.parse(date) - now];
    }
    default:
      return ["retry-after", hint.value, undefined];
  }
};

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const retryable = (answer: Answer) =>
  answer.kind === "network" || (answer.kind === "error" && RETRYABLE.has(answer.status));

const TYPES: Record<number, string> = {
  400: "BadRequestException",
  403: "ForbiddenException",
  404: "NotFoundException",
  429: "TooManyRequestsException",
  500: "InternalServerErrorException",
};

const respond = (answer: Answer, hints: (number | undefined)[]): Response => {
  if (answer.kind === "network") {
    hints.push(undefined);
    throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
  }
  if (answer.kind === "page") {
    return new Response('{"Item":[]}', {
      headers: { "content-type": "application/json", "x-amzn-RequestId": REQUEST_ID },
    });
  }
  const headers: Record<string, string> = { "x-amzn-RequestId": REQUEST_ID };
  if (answer.hint) {
    const [name, value, ms] = hintHeader(answer.hint, Date.now());
    headers[name] = value;
    hints.push(ms);
  } else hints.push(undefined);
  const type = TYPES[answer.status];
  if (!type) return new Response("<html><body>Bad gateway</body></html>", { status: answer.status, headers });
  headers["x-amzn-errortype"] = type;
  headers["content-type"] = "application/json";
  return new Response(JSON.stringify({ Message: "m", RequestID: REQUEST_ID }), { status: answer.status, headers });
};

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.constant({ kind: "page" } as const),
  fc.constant({ kind: "network" } as const),
  fc.record({
    kind: fc.constant("error" as const),
    status: fc.constantFrom(400, 403, 404, 429, 429, 500, 500, 502, 503, 504) as fc.Arbitrary<
      Extract<Answer, { kind: "error" }>["status"]
    >,
    hint: fc.option(
      fc.oneof(
        fc.record({
          header: fc.constantFrom("seconds" as const, "date" as const),
          value: fc.integer({ min: 0, max: 40 }),
        }),
        fc.record({ header: fc.constant("ms" as const), value: fc.integer({ min: 0, max: 40_000 }) }),
        fc.record({
          header: fc.constant("garbage" as const),
          value: fc.constantFrom("soon", "-1", "1e3", "", "Tue, 99 Foo"),
        }),
      ),
      { nil: undefined },
    ),
  }),
);

afterEach(() => {
  vi.useRealTimers();
});

describe("retries (AWS standard mode)", () => {
  it("never exceed maxAttempts, stop at the first success or non-retryable error, and no wait exceeds the cap", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 8 }),
        fc.record({
          maxAttempts: fc.integer({ min: 1, max: 6 }),
          baseDelayMs: fc.integer({ min: 0, max: 1_000 }),
          throttlingBaseDelayMs: fc.integer({ min: 0, max: 5_000 }),
          maxDelayMs: fc.integer({ min: 0, max: 30_000 }),
        }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (script, options, jitter) => {
          vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
          const started = Date.now();
          const events: RetryEvent[] = [];
          const hints: (number | undefined)[] = [];
          const attempts: Headers[] = [];
          const client = createJourneyRunsClient({
            endpoint: "http://127.0.0.1:9",
            retry: { ...options, quota: false, random: () => jitter },
            fetch: async (_url, init) => {
              attempts.push(new Headers(init.headers));
              return respond(script[Math.min(attempts.length - 1, script.length - 1)] as Answer, hints);
            },
            onRetry: (event) => {
              events.push(event);
              // The backoff timer is set right after onRetry returns: move the fake clock by exactly its delay.
              queueMicrotask(() => vi.advanceTimersByTime(event.delayMs));
            },
          });
          const outcome = await client.getJourneyRuns({ applicationId: "a", journeyId: "j" }).then(
            () => "ok" as const,
            (error: unknown) => error,
          );

          // The model: answers are taken in order until a success, a non-retryable error or the last attempt.
          let expected = 0;
          while (true) {
            const next = script[Math.min(expected, script.length - 1)] as Answer;
            expected++;
            if (!retryable(next) || expected >= options.maxAttempts) break;
          }
          expect(attempts.length).toBe(expected);
          expect(attempts.length).toBeLessThanOrEqual(options.maxAttempts);
          expect(events.length).toBe(expected - 1);
          expect(new Set(attempts.map((h) => h.get("amz-sdk-invocation-id"))).size).toBe(1);
          attempts.forEach((headers, i) => {
            expect(headers.get("amz-sdk-request")).toBe(`attempt=${i + 1}; max=${options.maxAttempts}`);
          });

          let waited = 0;
          events.forEach((event, i) => {
            const failed = script[Math.min(i, script.length - 1)] as Answer;
            const throttled = failed.kind === "error" && failed.status === 429;
            const base = throttled ? options.throttlingBaseDelayMs : options.baseDelayMs;
            const backoff = Math.floor(jitter * Math.min(base * 2 ** i, options.maxDelayMs));
            const hint = Math.max(0, hints[i] ?? 0);
            expect(event.attempt).toBe(i + 1);
            expect(event.maxAttempts).toBe(options.maxAttempts);
            // The cap: the backoff never exceeds maxDelayMs, and a Retry-After hint adds at most 5 s to it.
            expect(event.delayMs).toBeLessThanOrEqual(options.maxDelayMs + (hint ? 5_000 : 0));
            expect(event.delayMs).toBe(Math.max(backoff, Math.min(hint, backoff + 5_000)));
            waited += event.delayMs;
          });
          expect(Date.now() - started).toBe(waited);
          expect(vi.getTimerCount()).toBe(0);

          const last = script[Math.min(expected - 1, script.length - 1)] as Answer;
          if (last.kind === "page") expect(outcome).toBe("ok");
          else if (last.kind === "network") expect(outcome).toBeInstanceOf(NetworkError);
          else {
            expect(isJourneyRunsError(outcome, "PinpointServiceException")).toBe(true);
            expect((outcome as PinpointServiceException).status).toBe(last.status);
            if (last.status === 429) expect(outcome).toBeInstanceOf(TooManyRequestsException);
            if (last.status === 500) expect(outcome).toBeInstanceOf(InternalServerErrorException);
            expect((outcome as PinpointServiceException).retryable).toBe(RETRYABLE.has(last.status));
          }
        },
      ),
      300,
    );
  });
});
