import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** BadRequestException, HTTP 400: the request is malformed. */
export class BadRequestException extends PinpointServiceException {
  override name = "BadRequestException" as const;
}
