/** AWS accepts no signature more than 15 minutes off; AWS SDKs correct their clock once it is 5 minutes off. */
const MAX_SKEW_MS = 300_000;

/** The time that signatures are made with: local time, corrected once a server showed the local clock is off. */
export interface SkewClock {
  /** The corrected time, in ms since the epoch. */
  now(): number;
  /**
   * Reads a server's `Date` header: when it is more than 5 minutes from `now()`, the clock follows the server from
   * then on, and this returns true (the failed call is worth one more attempt with the corrected clock).
   */
  correct(serverDate: string | null): boolean;
}

/** A clock that starts at local time (`Date.now()`, so fake timers move it). */
export const createSkewClock = (): SkewClock => {
  /** Server time minus local time. */
  let offset = 0;
  const now = () => Date.now() + offset;
  return {
    now,
    correct(serverDate) {
      const server = Date.parse(serverDate ?? "");
      if (Number.isNaN(server) || Math.abs(server - now()) <= MAX_SKEW_MS) return false;
      offset = server - Date.now();
      return true;
    },
  };
};
