import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** TooManyRequestsException, HTTP 429: the caller is throttled; retried with backoff. */
export class TooManyRequestsException extends PinpointServiceException {
  override name = "TooManyRequestsException" as const;
}
