/** An answer's status, headers and body, as the reliability tests read them. */
interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** The error types of Pinpoint's front door (API Gateway), outside the contract: docs/decisions/0022-front-door.md. */
export const FRONT_DOOR_TYPES = [
  "MissingAuthenticationTokenException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
] as const;

/** Whether an answer came from the front door rather than from Pinpoint: API Gateway's `x-amz-apigw-id` marks it. */
export const isFrontDoor = (answer: Answer): boolean => answer.headers.has("x-amz-apigw-id");

/**
 * What is wrong with a front-door refusal, as API Gateway sends one for an IAM-authorized API: 403, a known
 * `x-amzn-ErrorType`, `x-amzn-RequestId`, `x-amz-apigw-id` (16 base64 characters), body `{ "message": string }` only.
 */
export function frontDoorErrors(answer: Answer): string[] {
  const errors: string[] = [];
  const type = answer.headers.get("x-amzn-errortype") ?? "";
  if (answer.status !== 403) errors.push(`status ${answer.status}, not 403`);
  if (!(FRONT_DOOR_TYPES as readonly string[]).includes(type)) errors.push(`x-amzn-ErrorType "${type}"`);
  if (!/^[0-9a-f-]{36}$/.test(answer.headers.get("x-amzn-requestid") ?? "")) errors.push("no x-amzn-RequestId");
  if (!/^[A-Za-z0-9+/]{15}=$/.test(answer.headers.get("x-amz-apigw-id") ?? "")) errors.push("bad x-amz-apigw-id");
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    errors.push("body is not JSON");
  }
  const keys = body && typeof body === "object" ? Object.keys(body) : [];
  if (keys.join() !== "message" || typeof (body as { message?: unknown }).message !== "string") {
    errors.push(`body has ${keys.join(", ") || "no keys"}, not { message }`);
  }
  return errors;
}
