import type { SetupServer } from "msw/node";
import { expect } from "vitest";
import type { FakeResponse } from "../../src/core/aws-response.js";
import { validateResponse } from "./call-fake.js";

/**
 * Collects every response a mock produces (MSW's `response:mocked` events, the server's `onResponse`) and checks
 * them against the contract; `assertAllConform` fails the test that produced a non-conforming one.
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
      pending.push(validateResponse(new Response(result.body, { status: result.status, headers: result.headers })));
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
