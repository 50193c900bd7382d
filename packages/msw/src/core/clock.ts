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

/** The last time a `Date` can hold (ECMA-262 time values): 8.64e15 ms after 1970. */
export const MAX_TIME_MS = 8.64e15;

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
      check(
        Number.isFinite(ms) && ms >= 0,
        `advance(ms) takes a finite number of milliseconds >= 0; got ${ms}.`,
        `POST /_journey-runs-mock/clock/advance takes "ms", a finite number of milliseconds >= 0; got ${ms}.`,
      );
      // A time past the Date range could not be written on the wire: refuse it and keep the clock where it is.
      check(
        now + ms <= MAX_TIME_MS,
        `advance(ms) would move the clock past the last valid time (+275760-09-13); advance by at most ${MAX_TIME_MS - now} ms.`,
        `POST /_journey-runs-mock/clock/advance would move the clock past the last valid time (+275760-09-13); send "ms" of at most ${MAX_TIME_MS - now}.`,
      );
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

const DAY_MS = 86_400_000;
/** Years 0000 to 9999: the times whose ISO form is `YYYY-MM-DDTHH:mm:ss.sssZ` (24 characters). */
const FOUR_DIGIT_YEARS = [-62_167_219_200_000, 253_402_300_800_000] as const;
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
let cachedDay = Number.NaN;
let cachedPrefix = "";

/**
 * `new Date(ms).toISOString()`, about six times faster for runs that share a day (dumps and pages format
 * millions of times): the date part is formatted once per day, the time of day from tables.
 */
export function isoTime(ms: number): string {
  if (!(ms >= FOUR_DIGIT_YEARS[0] && ms < FOUR_DIGIT_YEARS[1])) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${cachedPrefix}${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[Math.floor(rest - seconds * 1000)]}Z`;
}
