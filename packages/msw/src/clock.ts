import { check } from "./errors.js";

/** What the fake reads the time from, in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when a test moves it. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to a time (a `Date`, an ISO 8601 string or epoch milliseconds); it may go back. */
  set(time: TimeInput): void;
}

/** A point in time as the fake accepts it. */
export type TimeInput = Date | string | number;

/** Where a fake's manual clock starts unless told otherwise. */
export const DEFAULT_CLOCK_START = "2026-01-01T00:00:00.000Z";

/** Converts a {@link TimeInput} to epoch milliseconds, with an error that names `what` when it is not a time. */
export function toEpochMs(time: TimeInput, what = "time"): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === "number" ? time : Date.parse(time);
  check(
    Number.isFinite(ms) && Math.abs(ms) <= 8.64e15,
    `${what} must be a Date, an ISO 8601 string or epoch milliseconds; got ${String(time)}.`,
  );
  return ms;
}

/**
 * Creates a clock that stands still until `advance` or `set` moves it: run lifecycles then move exactly when a
 * test says so.
 *
 * @example
 * ```ts
 * const clock = createManualClock("2026-01-01T00:00:00Z");
 * clock.advance(60_000);
 * ```
 */
export function createManualClock(start: TimeInput = DEFAULT_CLOCK_START): ManualClock {
  let now = toEpochMs(start, "The clock's start");
  return {
    now: () => now,
    advance(ms) {
      check(Number.isFinite(ms) && ms >= 0, `advance(ms) takes a finite number of milliseconds >= 0; got ${ms}.`);
      now += ms;
    },
    set(time) {
      now = toEpochMs(time);
    },
  };
}

/** The wall clock (`Date.now()`), for a fake whose runs should progress in real time. */
export const systemClock: Clock = { now: () => Date.now() };

/** Whether a clock can be set and advanced (a {@link ManualClock}), as opposed to the wall clock. */
export function isManualClock(clock: Clock): clock is ManualClock {
  const candidate = clock as Partial<ManualClock>;
  return typeof candidate.set === "function" && typeof candidate.advance === "function";
}
