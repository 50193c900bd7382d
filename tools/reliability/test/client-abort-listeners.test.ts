/**
 * A caller's `AbortSignal` outlives the calls it is given to (one signal per page view or per test, dozens of calls).
 * Every listener the client adds to it must be gone when the call ends, on every path: success, a service error,
 * retries and their backoff waits, a timeout, an abort (in the request, in a credentials provider, in `onRetry`), a
 * credentials provider that answers, throws or never answers. Listeners are counted with `getEventListeners` of
 * node:events after each call, on the signal the caller passed.
 */
import { getEventListeners } from "node:events";
import { type Credentials, createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INPUT, jsonAnswer } from "./support/client-stub.js";
import { checkProperty } from "./support/property.js";

/** What the fake `fetch` does for one attempt. `abort` aborts the caller's signal, then waits for the signal. */
type Step = "page" | "500" | "429" | "404" | "network" | "hang" | "abort";
type CredentialsKind = "none" | "static" | "provider" | "provider-throws" | "provider-hangs";

interface CallPlan {
  readonly credentials: CredentialsKind;
  readonly timeoutMs: number | undefined;
  readonly steps: readonly Step[];
  readonly abortOnRetry: boolean;
}

const ERROR_TYPES = {
  "500": "InternalServerErrorException",
  "429": "TooManyRequestsException",
  "404": "NotFoundException",
} as const;

const STATIC: Credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" };

/** Waits until `signal` aborts, then rejects as fetch does; its own listener goes with the abort (`once`). */
const untilAborted = (signal: AbortSignal | null | undefined): Promise<never> =>
  new Promise((_, reject) => {
    const fail = () => reject(new DOMException("aborted", "AbortError"));
    if (signal?.aborted) fail();
    else signal?.addEventListener("abort", fail, { once: true });
  });

/** Runs one call as `plan` says with `controller`'s signal; resolves with the outcome (a page or an error). */
const runCall = async (plan: CallPlan, controller: AbortController): Promise<unknown> => {
  const steps = [...plan.steps];
  // Nothing but an abort ends a wait without a time limit: such a wait aborts the caller's signal first.
  const endless = plan.timeoutMs === undefined;
  const credentials = {
    none: undefined,
    static: STATIC,
    provider: async () => STATIC,
    "provider-throws": async () => {
      throw new Error("the provider failed");
    },
    "provider-hangs": () => {
      if (endless) setTimeout(() => controller.abort(), 1);
      return new Promise<Credentials>(() => {});
    },
  }[plan.credentials];
  const client = createJourneyRunsClient({
    region: "us-east-1",
    endpoint: "http://127.0.0.1:4010",
    credentials,
    timeoutMs: plan.timeoutMs,
    retry: { quota: false, baseDelayMs: 2, throttlingBaseDelayMs: 2, random: () => 0.99 },
    onRetry: () => {
      if (plan.abortOnRetry) controller.abort();
    },
    fetch: async (_url, init) => {
      const step = steps.shift() ?? "page";
      if (step === "abort" || (step === "hang" && endless)) {
        controller.abort();
        return untilAborted(init.signal);
      }
      if (step === "hang") return untilAborted(init.signal);
      if (step === "network") throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      if (step === "page") return jsonAnswer({ Item: [] });
      return new Response(JSON.stringify({ Message: "m" }), {
        status: Number(step),
        headers: { "x-amzn-errortype": ERROR_TYPES[step] },
      });
    },
  });
  return client.getJourneyRuns(INPUT, { signal: controller.signal }).catch((error: unknown) => error);
};

const plan: fc.Arbitrary<CallPlan> = fc.record({
  credentials: fc.constantFrom<CredentialsKind>("none", "static", "provider", "provider-throws", "provider-hangs"),
  timeoutMs: fc.constantFrom(undefined, 5),
  steps: fc.array(fc.constantFrom<Step>("page", "500", "429", "404", "network", "hang", "abort"), {
    minLength: 1,
    maxLength: 3,
  }),
  abortOnRetry: fc.boolean(),
});

const abortListeners = (signal: AbortSignal): number => getEventListeners(signal, "abort").length;

describe("the listeners the client adds to the caller's AbortSignal", () => {
  it("are all removed when a call ends, whatever path it took, over many calls on one signal", async () => {
    await checkProperty(
      fc.asyncProperty(fc.array(plan, { minLength: 1, maxLength: 6 }), async (plans) => {
        let controller = new AbortController();
        for (const call of plans) {
          const outcome = await runCall(call, controller);
          expect(abortListeners(controller.signal), `after ${JSON.stringify(call)} ended with ${String(outcome)}`).toBe(
            0,
          );
          // An aborted signal cannot serve another call: the next calls get a new one, as a caller would.
          if (controller.signal.aborted) controller = new AbortController();
        }
      }),
      100,
    );
  });

  it("stay at none over 1,000 calls that wait on a credentials provider without timeoutMs", async () => {
    const controller = new AbortController();
    // A provider's answer is kept until 5 minutes before its expiration: one that has expired is asked for again at
    // every call, so every call waits on the provider.
    const client = createJourneyRunsClient({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:4010",
      credentials: async () => ({ ...STATIC, expiration: new Date(0) }),
      fetch: async () => jsonAnswer({ Item: [] }),
    });
    for (let i = 0; i < 1_000; i++) await client.getJourneyRuns(INPUT, { signal: controller.signal });
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("are gone after an abort in onRetry, before the backoff wait (the wait adds none to an aborted signal)", async () => {
    const controller = new AbortController();
    const outcome = await runCall(
      { credentials: "none", timeoutMs: undefined, steps: ["500", "page"], abortOnRetry: true },
      controller,
    );
    expect(isJourneyRunsError(outcome, "AbortError"), String(outcome)).toBe(true);
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
