import { describe, expect, test } from "vitest";
import { callFake } from "../test/support/call-fake.js";
import { createJourneyRunsFake } from "./fake.js";

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
});
