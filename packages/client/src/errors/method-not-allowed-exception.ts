import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** MethodNotAllowedException, HTTP 405: the endpoint does not accept this method on this path. */
export class MethodNotAllowedException extends PinpointServiceException {
  override name = "MethodNotAllowedException" as const;
}
