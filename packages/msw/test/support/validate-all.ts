import type { SetupServer } from "msw/node";
import { expect } from "vitest";
import type { FakeResponse } from "../../src/core/aws-response.js";
import { validateResponse } from "./call-fake.js";

const FRONT_DOOR_TYPES = new Set([
  "MissingAuthenticationTokenException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
]);

/**
 * A refusal of Pinpoint's front door (API Gateway, marked by `x-amz-apigw-id`) is outside the contract
 * (docs/decisions/0022-front-door.md): checked against API Gateway's shape instead, 403 and `{ "message" }` only.
 */
async function validateAnswer(response: Response): Promise<string[]> {
  if (!response.headers.has("x-amz-apigw-id")) return validateResponse(response);
  const body = (await response.json()) as Record<string, unknown>;
  const type = response.headers.get("x-amzn-errortype") ?? "";
  const problems: string[] = [];
  if (response.status !== 403) problems.push(`front door: status ${response.status}`);
  if (!FRONT_DOOR_TYPES.has(type)) problems.push(`front door: x-amzn-ErrorType ${type}`);
  if (!response.headers.has("x-amzn-requestid")) problems.push("front door: no x-amzn-RequestId");
  if (Object.keys(body).join() !== "message") problems.push(`front door: body keys ${Object.keys(body).join()}`);
  return problems;
}

/**
 * Collects every response a mock produces (MSW's `response:mocked` events, the server's `onResponse`) and checks
 * them against the contract (front-door refusals against API Gateway's shape); `assertAllConform` fails the test that produced a non-conforming one.
 */
export function createResponseAudit() {
  const pending: Promise<string[]>[] = [];
  let count = 0;
  return {
    /** Subscribes to an MSW server's mocked responses (network errors excluded: they have no HTTP response). */
    watchMsw(server: SetupServer): void {
      server.events.on("response:mocked", ({ response }) => {
        if (response.type === "error") return;
        count++;
        pending.push(validateResponse(response.clone()));
      });
    },
    /** A server `onResponse` hook that checks what it sees. */
    onResponse: (result: FakeResponse): void => {
      count++;
      pending.push(validateAnswer(new Response(result.body, { status: result.status, headers: result.headers })));
    },
    /** How many responses were checked so far. */
    get count(): number {
      return count;
    },
    async assertAllConform(): Promise<void> {
      const problems = (await Promise.all(pending.splice(0))).flat();
      expect(problems).toEqual([]);
    },
  };
}
