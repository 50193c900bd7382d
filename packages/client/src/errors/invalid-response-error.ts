import type { PipelineResult } from "../read-answer.js";
import { JourneyRunsError } from "./journey-runs-error.js";
import type { ResponseSnapshot } from "./pinpoint-service-exception.js";

/**
 * An answer that is not Pinpoint's: a 2xx that is not a page of runs (not JSON, a field off the contract), a redirect,
 * a body over the client's bound, or pages that would make a paginator loop. Never retried.
 */
export class InvalidResponseError extends JourneyRunsError {
  override name = "InvalidResponseError" as const;
  /** The response, secrets redacted (without its body when the body was over the bound). */
  declare readonly response: ResponseSnapshot;
  /** The `x-amzn-RequestId` of the response. */
  declare readonly requestId: string | undefined;
}

/** The `InvalidResponseError` of an answer that `problem` describes. */
export const invalidResponse = ({ snapshot }: PipelineResult, problem: string): InvalidResponseError => {
  const response = snapshot();
  const requestId = response.headers["x-amzn-requestid"];
  return new InvalidResponseError(
    `GetJourneyRuns got a ${response.status} response that ${problem} (request id ${requestId}). Check that the endpoint is Pinpoint.`,
    { response, requestId },
  );
};
