import { JourneyRunsError } from "./journey-runs-error.js";
import type { ResponseSnapshot } from "./pinpoint-service-exception.js";

/** A 2xx answer that is not a page of runs (not JSON, or not `{ Item: [...] }`), or a paginator that would loop. */
export class InvalidResponseError extends JourneyRunsError {
  override name = "InvalidResponseError" as const;
  /** The response, secrets redacted. */
  declare readonly response: ResponseSnapshot;
  /** The `x-amzn-RequestId` of the response. */
  declare readonly requestId: string | undefined;
}
