import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** InternalServerErrorException, HTTP 500: the service failed; retried with backoff. */
export class InternalServerErrorException extends PinpointServiceException {
  override name = "InternalServerErrorException" as const;
}
