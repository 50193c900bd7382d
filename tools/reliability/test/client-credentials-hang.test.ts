/**
 * A credentials provider that never answers cannot hold a call. Its promise races the call's
 * signal and the per-attempt `timeoutMs`: an abort ends the call with AbortError at once, a timeout with TimeoutError
 * after each attempt's limit; no request is sent and nothing is left running. Time runs on fake timers (exact), and
 * one run on real timers reports how long the call took to end, for the record.
 */
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INPUT } from "./support/client-stub.js";
import { checkProperty } from "./support/property.js";

/** A provider that never answers, and a fetch that counts what was sent anyway. */
const hanging = () => {
  let requests = 0;
  const client = (options: { timeoutMs?: number; maxAttempts: number }) =>
    createJourneyRunsClient({
      region: "us-east-1",
      credentials: () => new Promise(() => {}),
      timeoutMs: options.timeoutMs,
      retry: { maxAttempts: options.maxAttempts, random: () => 0 },
      fetch: async () => {
        requests++;
        return new Response("{}");
      },
    });
  return { client, requests: () => requests };
};

afterEach(() => {
  vi.useRealTimers();
});

describe("the client with a credentials provider that never answers", () => {
  it("ends with TimeoutError after maxAttempts x timeoutMs, or AbortError as soon as the signal aborts", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        async (timeoutMs, maxAttempts, abortAfter) => {
          vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
          const { client, requests } = hanging();
          const controller = new AbortController();
          let settled: unknown;
          const call = client({ timeoutMs, maxAttempts })
            .getJourneyRuns(INPUT, { signal: controller.signal })
            .then(
              (page) => page,
              (error: unknown) => error,
            )
            .then((outcome) => {
              settled = outcome;
            });
          const limit = timeoutMs * maxAttempts;
          if (abortAfter !== undefined && abortAfter < limit) {
            await vi.advanceTimersByTimeAsync(abortAfter);
            controller.abort();
            await call;
            expect(isJourneyRunsError(settled, "AbortError"), String(settled)).toBe(true);
          } else {
            await vi.advanceTimersByTimeAsync(limit - 1);
            expect(settled).toBeUndefined();
            await vi.advanceTimersByTimeAsync(1);
            await call;
            expect(isJourneyRunsError(settled, "TimeoutError"), String(settled)).toBe(true);
          }
          expect(requests()).toBe(0);
          expect(vi.getTimerCount()).toBe(0);
          vi.useRealTimers();
        },
      ),
      150,
    );
  });

  it("ends at once on an abort without any timeoutMs (real timers, time reported)", async () => {
    const { client } = hanging();
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 500);
    const error = await client({ maxAttempts: 3 })
      .getJourneyRuns(INPUT, { signal: controller.signal })
      .catch((e: unknown) => e);
    const aborted = performance.now() - started;
    expect(isJourneyRunsError(error, "AbortError")).toBe(true);
    const timedStart = performance.now();
    const timeout = await client({ timeoutMs: 1_000, maxAttempts: 1 })
      .getJourneyRuns(INPUT)
      .catch((e: unknown) => e);
    const timedOut = performance.now() - timedStart;
    expect(isJourneyRunsError(timeout, "TimeoutError")).toBe(true);
    console.info(
      `[reliability] hanging credentials provider: abort at 500 ms ended the call at ${aborted.toFixed(0)} ms; timeoutMs 1000 ended it at ${timedOut.toFixed(0)} ms`,
    );
  });
});
