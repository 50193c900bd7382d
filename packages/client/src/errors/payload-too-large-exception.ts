import { PinpointServiceException } from "./pinpoint-service-exception.js";

/** PayloadTooLargeException, HTTP 413: the request or its answer exceeds the 7 MB payload quota. */
export class PayloadTooLargeException extends PinpointServiceException {
  override name = "PayloadTooLargeException" as const;
}
