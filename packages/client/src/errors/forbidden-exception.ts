import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** ForbiddenException, HTTP 403: the signature is wrong or missing, the clock is off, or the credentials may not call GetJourneyRuns. */
export class ForbiddenException extends PinpointServiceException {
  override name = "ForbiddenException" as const;
}
