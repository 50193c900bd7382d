import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { callFake } from "../../test/support/call-fake.js";
import { createJourneyRunsFake } from "./fake.js";
import { Journal } from "./journal.js";
import { createRequestId } from "./request-id.js";

describe("the journal", () => {
  test("records each answered request: time, method, path, redacted query, amz-sdk-* headers, status, request id", async () => {
    const fake = createJourneyRunsFake();
    fake.failNext(500);
    const answer = await callFake(fake, {
      query: "page-size=5&X%2DAmz%2DSignature=s3cr3t",
      headers: {
        "amz-sdk-invocation-id": "inv-1",
        "amz-sdk-request": "attempt=1; max=3",
        authorization: "AWS4-HMAC-SHA256 Credential=AKID/secret",
      },
    });
    const [entry] = fake.journal();
    expect(entry).toEqual({
      time: "2026-01-01T00:00:00.000Z",
      method: "GET",
      path: "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs",
      query: "page-size=5&X%2DAmz%2DSignature=[redacted]",
      headers: { "amz-sdk-invocation-id": "inv-1", "amz-sdk-request": "attempt=1; max=3" },
      status: 500,
      requestId: answer.headers.get("x-amzn-RequestId"),
    });
    expect(JSON.stringify(fake.journal())).not.toMatch(/s3cr3t|AKID/);
  });

  test("records network errors, keeps the newest entries within its bound, and clears", async () => {
    const fake = createJourneyRunsFake({ journalLimit: 3 });
    fake.networkErrorNext();
    await fake.handle({
      method: "GET",
      path: "/v1/apps/a/journeys/j/runs",
      query: "",
      headers: new Headers(),
    });
    for (let size = 1; size <= 4; size++) await callFake(fake, { query: `page-size=${size}` });
    expect(fake.journal().map((entry) => entry.query)).toEqual(["page-size=2", "page-size=3", "page-size=4"]);
    expect(fake.journal({ limit: 1 }).map((entry) => entry.query)).toEqual(["page-size=4"]);
    fake.clearJournal();
    expect(fake.journal()).toEqual([]);
    const unbounded = createJourneyRunsFake();
    unbounded.networkErrorNext();
    await unbounded.handle({ method: "GET", path: "/v1/apps/a/journeys/j/runs", query: "", headers: new Headers() });
    expect(unbounded.journal()[0]?.status).toBe("network-error");
  });

  test("does not record paths other than the runs path, and can be turned off", async () => {
    const fake = createJourneyRunsFake({ journalLimit: 0 });
    await callFake(fake);
    expect(fake.journal()).toEqual([]);
    const other = createJourneyRunsFake();
    expect(await other.handle({ method: "GET", path: "/v1/apps", query: "", headers: new Headers() })).toBeUndefined();
    expect(other.journal()).toEqual([]);
  });

  test("rejects a journal bound it cannot keep", () => {
    expect(() => createJourneyRunsFake({ journalLimit: -1 })).toThrow(/journalLimit must be a whole number/);
  });

  test("gives back exactly what it recorded, however request ids, paths, queries and headers repeat or differ", () => {
    const text = fc.oneof(
      fc.constantFrom("", "page-size=5", "/v1/apps/a/journeys/j/runs"),
      fc.string({ maxLength: 300 }),
    );
    const requestId = fc.oneof(
      fc.constant(undefined),
      fc.constant("").map(() => createRequestId()),
      fc.uuid(),
      fc.uuid().map((id) => id.toUpperCase()),
      fc.string({ maxLength: 40 }),
    );
    const entry = fc.record({
      path: text,
      query: fc.oneof(text, fc.string({ unit: fc.constantFrom("a", "=", "&", "%", "+") })),
      invocation: fc.option(text, { nil: null }),
      attempt: fc.option(fc.constantFrom("attempt=1; max=3", "attempt=2; max=3"), { nil: null }),
      status: fc.constantFrom(200, 400, 429, "network-error" as const),
      requestId,
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (entries, limit) => {
        const journal = new Journal(limit);
        for (const [n, e] of entries.entries()) {
          const headers = new Map([
            ["amz-sdk-invocation-id", e.invocation],
            ["amz-sdk-request", e.attempt],
          ]);
          journal.record(
            n,
            "GET",
            e.path,
            e.query,
            { get: (name) => headers.get(name) ?? null },
            e.status,
            e.requestId,
          );
        }
        const kept = entries.slice(-limit);
        expect(journal.entries().map((got) => [got.path, got.headers, got.status, got.requestId])).toEqual(
          kept.map((e) => {
            const headers: Record<string, string> = {};
            if (e.invocation !== null) headers["amz-sdk-invocation-id"] = e.invocation.slice(0, 256);
            if (e.attempt !== null) headers["amz-sdk-request"] = e.attempt;
            return [e.path.slice(0, 2048), headers, e.status, e.requestId];
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
