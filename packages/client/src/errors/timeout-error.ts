import { JourneyRunsError } from "./journey-runs-error.js";

/** One attempt took longer than the `timeoutMs` option (retryable: the client tries again while attempts remain). */
export class TimeoutError extends JourneyRunsError {
  override name = "TimeoutError" as const;
  /** The per-attempt timeout that ran out, in ms. */
  declare readonly timeoutMs: number;
}
