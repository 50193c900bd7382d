import type { FakeResponse } from "../core/aws-response.js";
import { createRequestId } from "../core/request-id.js";

/**
 * The error types of Pinpoint's front door (Amazon API Gateway in front of an IAM-authorized API): the answers to a
 * request that never reaches Pinpoint because its authentication failed. Not Pinpoint's modeled errors, so not in the
 * contract. Sources: docs/decisions/0022-front-door.md.
 */
export type FrontDoorErrorType =
  | "MissingAuthenticationTokenException"
  | "UnrecognizedClientException"
  | "InvalidSignatureException";

/** API Gateway's message for a request without a signature (`x-amzn-ErrorType: MissingAuthenticationTokenException`). */
export const MISSING_AUTHENTICATION_TOKEN = "Missing Authentication Token";

/** API Gateway's message for an access key it does not know (`UnrecognizedClientException`). */
export const UNRECOGNIZED_CLIENT = "The security token included in the request is invalid.";

/** API Gateway's message for a signature that does not verify (`InvalidSignatureException`), without the canonical request it appends. */
export const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

const apigwBytes = new Uint8Array(11);

/** An `x-amz-apigw-id` as API Gateway writes it: 11 random bytes in base64 (16 characters, one `=`). */
function apigwId(): string {
  crypto.getRandomValues(apigwBytes);
  return Buffer.from(apigwBytes).toString("base64");
}

/**
 * A 403 as API Gateway sends it for an authentication failure: body `{ "message": ... }` (lowercase, no RequestID),
 * the type in `x-amzn-ErrorType`, and the `x-amzn-RequestId` and `x-amz-apigw-id` headers.
 *
 * @example
 * ```ts
 * frontDoorResponse("MissingAuthenticationTokenException", MISSING_AUTHENTICATION_TOKEN).body; // '{"message":"Missing Authentication Token"}'
 * ```
 */
export function frontDoorResponse(errorType: FrontDoorErrorType, message: string): FakeResponse {
  return {
    kind: "response",
    status: 403,
    headers: {
      "Content-Type": "application/json",
      "x-amzn-ErrorType": errorType,
      "x-amzn-RequestId": createRequestId(),
      "x-amz-apigw-id": apigwId(),
    },
    body: JSON.stringify({ message }),
  };
}
