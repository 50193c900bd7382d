import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { wait } from "./wait.js";

describe("wait", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits 2^31-1 ms for a longer delay, where setTimeout alone would fire after 1 ms", async () => {
    let done = false;
    const waiting = wait(2 ** 32, undefined).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2 ** 31 - 1 - 1_000);
    await waiting;
    expect(done).toBe(true);
  });

  it("rejects with AbortError at once when the signal aborts during the wait", async () => {
    const controller = new AbortController();
    const waiting = wait(60_000, controller.signal).catch((error: unknown) => error);
    controller.abort();
    expect(await waiting).toMatchObject({ name: "AbortError" });
    expect(vi.getTimerCount()).toBe(0);
  });
});
