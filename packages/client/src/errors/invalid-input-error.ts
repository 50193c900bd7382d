import { JourneyRunsError } from "./journey-runs-error.js";

/** An input or option refused before anything is sent (an empty, `.` or `..` id, a bad pageSize, a bad option). */
export class InvalidInputError extends JourneyRunsError {
  override name = "InvalidInputError" as const;
  /** The input or option at fault, e.g. `applicationId` or `options.retry.maxAttempts`. */
  declare readonly field: string;
}

/** The `InvalidInputError` of `field`: "GetJourneyRuns: {field} {problem}." */
export const invalidInput = (field: string, problem: string): InvalidInputError =>
  new InvalidInputError(`GetJourneyRuns: ${field} ${problem}.`, { field });
