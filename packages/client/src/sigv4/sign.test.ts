import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as web from "../crypto/web.js";
import { awsEncode } from "../encode.js";
import { querySerializer } from "../input.js";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./canonical.js";
import { signRequest } from "./sign.js";

/** SHA-256 of an empty payload. */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

describe("signRequest against @smithy/signature-v4 (what AWS SDK v3 sends)", () => {
  it("gives the same Authorization for any ids, page size, token and session token, with or without the payload hash", async () => {
    const smithy = (sessionToken: string | undefined, applyChecksum: boolean) =>
      new SignatureV4({
        credentials: { ...credentials, ...(sessionToken ? { sessionToken } : {}) },
        region: "eu-west-1",
        service: "mobiletargeting",
        sha256: Sha256,
        applyChecksum,
      });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, unit: "grapheme" }),
        fc.string({ minLength: 1, unit: "binary" }),
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        fc.option(fc.base64String({ minLength: 4 }), { nil: undefined }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.boolean(),
        async (applicationId, journeyId, pageSize, token, sessionToken, time, contentSha256) => {
          fc.pre(![applicationId, journeyId].some((id) => id === "." || id === ".."));
          fc.pre(!/[\uD800-\uDFFF]/.test(journeyId.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));
          const path = `/v1/apps/${awsEncode(applicationId)}/journeys/${awsEncode(journeyId)}/runs`;
          const query: Record<string, string> = {};
          if (pageSize !== undefined) query["page-size"] = `${pageSize}`;
          if (token !== undefined) query.token = token;
          const headers = { accept: "application/json", "amz-sdk-request": "attempt=1; max=3", host: "127.0.0.1:4010" };
          // The payload hash is signed when it is given as a header (an empty body here, as for every GET).
          const hashHeader = contentSha256 ? { "x-amz-content-sha256": EMPTY_SHA256 } : {};
          const theirs = await smithy(sessionToken, contentSha256).sign(
            new HttpRequest({
              method: "GET",
              protocol: "http:",
              hostname: "127.0.0.1",
              port: 4010,
              path,
              query,
              headers,
            }),
            { signingDate: new Date(time) },
          );
          const ours = await signRequest({
            method: "GET",
            path,
            query: Object.entries(query)
              .map(([k, v]) => `${k}=${awsEncode(v)}`)
              .join("&"),
            headers: { ...headers, ...hashHeader },
            credentials: { ...credentials, sessionToken },
            region: "eu-west-1",
            service: "mobiletargeting",
            time,
          });
          expect(ours.headers.authorization).toBe(theirs.headers.authorization);
          expect(hashHeader["x-amz-content-sha256"]).toBe(theirs.headers["x-amz-content-sha256"]);
          expect(ours.headers["x-amz-security-token"]).toBe(theirs.headers["x-amz-security-token"]);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it("double-encodes the path: %20 on the wire is %2520 in the canonical request", async () => {
    const signed = await signRequest({
      method: "GET",
      path: "/v1/apps/a%20b%21/journeys/j/runs",
      query: "",
      headers: { host: "pinpoint.us-east-1.amazonaws.com" },
      credentials,
      region: "us-east-1",
      service: "mobiletargeting",
      time: 0,
    });
    expect(canonicalPath("/v1/apps/a%20b%21/journeys/j/runs")).toBe("/v1/apps/a%2520b%2521/journeys/j/runs");
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/19700101\/us-east-1\/mobiletargeting\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[\da-f]{64}$/,
    );
  });
});

describe("the signing time", () => {
  it("dates each signature by its own time when times share a second, cross one, or go back", async () => {
    const smithy = new SignatureV4({
      credentials,
      region: "us-east-1",
      service: "mobiletargeting",
      sha256: Sha256,
      applyChecksum: false,
    });
    const second = Date.UTC(2026, 11, 7, 23, 59, 59);
    // The same second twice (its first and last millisecond), the next second (and the next day), then back.
    for (const time of [second, second + 999, second + 1000, second + 1, second - 86_400_000, second + 86_400_000]) {
      const request = { method: "GET", path: "/v1/apps/a/journeys/j/runs", headers: { host: "127.0.0.1:4010" } };
      const theirs = await smithy.sign(
        new HttpRequest({ ...request, protocol: "http:", hostname: "127.0.0.1", port: 4010 }),
        { signingDate: new Date(time) },
      );
      const ours = await signRequest({
        ...request,
        query: "",
        credentials,
        region: "us-east-1",
        service: "mobiletargeting",
        time,
      });
      expect(ours.headers["x-amz-date"]).toBe(theirs.headers["x-amz-date"]);
      expect(ours.headers.authorization).toBe(theirs.headers.authorization);
    }
  });
});

describe("canonical query and headers", () => {
  it("gets from getJourneyRuns' querySerializer a query that is canonical already (it is signed as it is)", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        fc.option(fc.string({ minLength: 1, unit: "binary" }), { nil: undefined }),
        (pageSize, token) => {
          fc.pre(token === undefined || !/[\uD800-\uDFFF]/.test(token.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));
          const query = querySerializer({ "page-size": pageSize, token });
          expect(canonicalQuery(query)).toBe(query);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("sorts the query by key, then value, a key before the longer keys it starts (code point order)", () => {
    expect(canonicalQuery("a-b=1&a=2&a=1&b&%7E=x&A=%2f")).toBe("A=%2F&a=1&a=2&a-b=1&b=&~=x");
  });

  it("lowercases, folds and sorts headers, leaving out the unsignable ones", () => {
    expect(canonicalHeaders({ "X-B": "  two   words ", a: "1", "User-Agent": "ua", "x-a": "line\n next" })).toEqual([
      "a;x-a;x-b",
      "a:1\nx-a:line next\nx-b:two words\n",
    ]);
  });
});

describe("the node:crypto functions of the Node build", () => {
  it("hash empty and non-empty data as createHash does, in any order (the empty hash is kept)", async () => {
    const node = await import("../crypto/node.js");
    const { createHash } = await import("node:crypto");
    const data = ["", new Uint8Array(), "a", new Uint8Array([1, 2, 3]), "", "é", new Uint8Array()];
    for (const item of data) expect(node.sha256Hex(item)).toBe(createHash("sha256").update(item).digest("hex"));
  });

  it("give the HMAC of createHmac for keys of every length, also when the padded key is reused", async () => {
    const node = await import("../crypto/node.js");
    const { createHmac } = await import("node:crypto");
    await fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 150 }), fc.string(), fc.string(), (key, a, b) => {
        for (const text of [a, b, a]) {
          expect(node.hmacHex(key, text)).toBe(createHmac("sha256", key).update(text).digest("hex"));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the WebCrypto functions of the browser build", () => {
  it("hash, sign and derive exactly as node:crypto does", async () => {
    const node = await import("../crypto/node.js");
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.uint8Array({ minLength: 1 }), async (text, key) => {
        expect(await web.sha256Hex(text)).toBe(await node.sha256Hex(text));
        expect(await web.hmacHex(key, text)).toBe(await node.hmacHex(key, text));
        expect(new Uint8Array(await web.hmac(key, text))).toEqual(new Uint8Array(await node.hmac(key, text)));
      }),
      { numRuns: 50 },
    );
  });

  it("make version 4 UUIDs, with and without crypto.randomUUID", () => {
    const v4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
    expect(web.uuid()).toMatch(v4);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
      const ids = new Set(Array.from({ length: 50 }, () => web.uuid()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(v4);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});
