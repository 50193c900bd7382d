import { JourneyRunsError } from "./journey-runs-error.js";

/**
 * The caller's `signal` aborted the call (during a request or a backoff wait). Its `name` is `AbortError`, as with
 * fetch, so code that ignores cancellations by name keeps working; `cause` is the signal's reason.
 */
export class AbortError extends JourneyRunsError {
  override name = "AbortError" as const;
}

/** The `AbortError` of an aborted `signal`. */
export const abortError = (signal: AbortSignal): AbortError =>
  new AbortError("GetJourneyRuns was aborted by its signal.", {}, signal.reason);
