import { describe, expect, it } from "vitest";
import { backoffDelay, retryAfterHint } from "./backoff.js";
import { resolveRetryOptions } from "./options.js";
import { createRetryQuota } from "./quota.js";

describe("backoffDelay", () => {
  const options = (random: number) => resolveRetryOptions({ random: () => random });

  it.each([
    ["transient", 0, 0.5, 50],
    ["transient", 1, 0.5, 100],
    ["transient", 2, 0.999, 399],
    ["throttling", 0, 0.5, 250],
    ["throttling", 1, 1 - 1e-9, 999],
    ["throttling", 10, 0.5, 10_000],
    ["transient", 30, 1 - 1e-9, 19_999],
  ] as const)(
    "a %s error before retry %i with random %f waits %i ms (full jitter, 20 s cap)",
    (kind, retry, random, want) => {
      expect(backoffDelay(options(random), kind, retry, undefined)).toBe(want);
    },
  );

  it("raises the delay to a server hint, but by at most 5 s", () => {
    expect(backoffDelay(options(0.5), "transient", 0, 1_200)).toBe(1_200);
    expect(backoffDelay(options(0.5), "transient", 0, 60_000)).toBe(5_050);
    expect(backoffDelay(options(0.5), "transient", 0, 10)).toBe(50);
    expect(backoffDelay(options(0.5), "transient", 0, -3_000)).toBe(50);
  });
});

describe("retryAfterHint", () => {
  const now = Date.UTC(2025, 0, 1, 0, 0, 0);
  it.each([
    [{ "retry-after": "3" }, 3_000],
    [{ "retry-after": "1.5" }, 1_500],
    [{ "retry-after": "Wed, 01 Jan 2025 00:00:07 GMT" }, 7_000],
    [{ "x-amz-retry-after": "250" }, 250],
    [{ "retry-after": "2", "x-amz-retry-after": "250" }, 2_000],
    [{ "retry-after": "soon", "x-amz-retry-after": "250" }, 250],
    [{ "retry-after": "soon" }, undefined],
    [{ "x-amz-retry-after": "-5" }, undefined],
    [{}, undefined],
  ])("reads %j as %s ms", (headers, want) => {
    expect(retryAfterHint(headers, now)).toBe(want);
  });
});

describe("resolveRetryOptions", () => {
  it("fills in the AWS standard-mode defaults, and false is one attempt", () => {
    expect(resolveRetryOptions(undefined)).toMatchObject({
      maxAttempts: 3,
      baseDelayMs: 100,
      throttlingBaseDelayMs: 500,
      maxDelayMs: 20_000,
      quota: 500,
    });
    expect(resolveRetryOptions(false).maxAttempts).toBe(1);
  });

  it.each([
    [{ maxAttempts: 0 }, "options.retry.maxAttempts must be an integer >= 1"],
    [{ maxAttempts: 2.5 }, "options.retry.maxAttempts must be an integer >= 1"],
    [{ baseDelayMs: -1 }, "options.retry.baseDelayMs must be a finite number >= 0"],
    [{ maxDelayMs: Number.POSITIVE_INFINITY }, "options.retry.maxDelayMs must be a finite number >= 0"],
    [{ random: 0.5 }, "options.retry.random must be a function"],
    [{ maxAttempt: 5 }, "options.retry.maxAttempt is not a retry option"],
  ])("refuses %j with an InvalidInputError", (retry, message) => {
    expect(() => resolveRetryOptions(retry as never)).toThrow(`GetJourneyRuns: ${message}.`);
  });
});

describe("createRetryQuota", () => {
  /** The tokens left in `quota`, read by taking throttling retries (5 each) until it refuses, then giving them back. */
  const available = (quota: ReturnType<typeof createRetryQuota>): number => {
    let taken = 0;
    while (quota.take("throttling") !== undefined) taken += 5;
    for (let given = 0; given < taken; given += 5) quota.success(5);
    return taken;
  };

  it("takes 5 per throttling retry and 10 per transient one, and refuses when short", () => {
    const quota = createRetryQuota(22);
    expect(quota.take("transient")).toBe(10);
    expect(quota.take("throttling")).toBe(5);
    // 7 left: a transient retry (10) is refused, a throttling one (5) is not.
    expect(quota.take("transient")).toBeUndefined();
    expect(quota.take("throttling")).toBe(5);
    // 2 left: nothing more.
    expect(quota.take("throttling")).toBeUndefined();
  });

  it("gives back the cost of the retry that succeeded, or 1, up to its size", () => {
    const quota = createRetryQuota(500);
    quota.take("transient");
    quota.success(10);
    expect(available(quota)).toBe(500);
    quota.take("throttling");
    quota.success(undefined);
    // 496 left: 495 in throttling retries.
    expect(available(quota)).toBe(495);
    for (let i = 0; i < 10; i++) quota.success(undefined);
    expect(available(quota)).toBe(500);
  });

  it("never runs out when it is false", () => {
    const quota = createRetryQuota(false);
    for (let i = 0; i < 1_000; i++) expect(quota.take("transient")).toBe(10);
  });
});
