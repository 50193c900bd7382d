import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { attemptSignal } from "./attempt-signal.js";

const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

afterEach(() => {
  vi.useRealTimers();
});

describe("attemptSignal", () => {
  it("leaves no listener on the caller's signal once the raced promise settles, then once closed", async () => {
    const caller = new AbortController();
    const stop = attemptSignal(caller.signal, undefined);
    const raced = stop.race(Promise.resolve("credentials"));
    expect(listeners(caller.signal)).toBe(1);
    await expect(raced).resolves.toBe("credentials");
    expect(listeners(caller.signal)).toBe(0);
    stop.close();
    expect(listeners(caller.signal)).toBe(0);
  });

  it("removes the time limit's listener from the caller's signal when closed", () => {
    const caller = new AbortController();
    const stop = attemptSignal(caller.signal, 1_000);
    expect(listeners(caller.signal)).toBe(1);
    stop.close();
    expect(listeners(caller.signal)).toBe(0);
  });

  it("rejects a race with AbortError on the caller's abort, and with TimeoutError at the time limit", async () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const aborted = attemptSignal(caller.signal, 1_000);
    const first = aborted.race(new Promise(() => {})).catch((error: unknown) => error);
    caller.abort();
    expect(await first).toMatchObject({ name: "AbortError" });
    aborted.close();

    const timed = attemptSignal(undefined, 1_000);
    const second = timed.race(new Promise(() => {})).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    expect(timed.stopped()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await second).toMatchObject({ name: "TimeoutError", timeoutMs: 1_000, retryable: true });
    timed.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once a race on a signal that is already aborted, adding no listener", async () => {
    const caller = new AbortController();
    caller.abort();
    const stop = attemptSignal(caller.signal, undefined);
    await expect(stop.race(Promise.resolve(1))).rejects.toMatchObject({ name: "AbortError" });
    expect(listeners(caller.signal)).toBe(0);
  });
});
