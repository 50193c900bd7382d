import { expect } from "vitest";
import type { FakeRequest, JourneyRunsFake } from "../../src/core/fake.js";
import { createContractValidator, type ResponseLike } from "./contract-validator.js";

/** The contract validator that every test of this package runs its responses through. */
export const validateResponse: (response: ResponseLike) => Promise<string[]> = createContractValidator();

/** The example journey's runs path. */
export const EXAMPLE_PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";

/** Fails the test unless the response conforms to the contract. */
export async function expectConforming(response: ResponseLike): Promise<void> {
  expect(await validateResponse(response)).toEqual([]);
}

/** A parsed answer of the fake. */
export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of pages and errors alike.
  body: any;
}

/**
 * Sends a request to a fake, checks the answer against the contract and returns it parsed; throws when the fake
 * does not handle the path or fails at the network level (use `fake.handle` directly for those).
 */
export async function callFake(
  fake: JourneyRunsFake,
  request: Partial<Omit<FakeRequest, "headers">> & { headers?: Record<string, string> } = {},
): Promise<Answer> {
  const result = await fake.handle({
    method: request.method ?? "GET",
    path: request.path ?? EXAMPLE_PATH,
    query: request.query ?? "",
    headers: new Headers(request.headers ?? {}),
    signal: request.signal,
  });
  if (result?.kind !== "response") throw new Error(`expected a response, got ${JSON.stringify(result)}`);
  const response = new Response(result.body, { status: result.status, headers: result.headers });
  await expectConforming(response.clone());
  return { status: result.status, headers: response.headers, body: JSON.parse(result.body) };
}
