import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** NotFoundException, HTTP 404: the application or the journey does not exist in this Region. */
export class NotFoundException extends PinpointServiceException {
  override name = "NotFoundException" as const;
}
