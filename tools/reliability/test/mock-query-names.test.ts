import { createHash, createHmac } from "node:crypto";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE } from "./support/arbitraries.js";
import { rawRequest } from "./support/http.js";
import { checkProperty } from "./support/property.js";

// The SigV4 check reads the query as pairs, never as an object keyed by name. Requests signed by
// @smithy/signature-v4 with parameters of any name (constructor, toString, hasOwnProperty, valueOf ...) are accepted;
// a __proto__ parameter appended to a signed request breaks its signature. (smithy itself cannot sign a parameter
// named __proto__: its canonical query writes "[object Object]". The mock's unit tests check that name against
// requests signed by botocore.)

const KEY = { accessKeyId: "AKIDQUERYNAMES", secretAccessKey: "query/names/secret" };
const PATH = `/v1/apps/${EXAMPLE.applicationId}/journeys/${EXAMPLE.journeyId}/runs`;
const PROTOTYPE_NAMES = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "toLocaleString"];

class NodeSha256 {
  #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash =
      secret === undefined
        ? createHash("sha256")
        : createHmac("sha256", typeof secret === "string" ? secret : Buffer.from(secret as Uint8Array));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(typeof data === "string" ? data : Buffer.from(data as Uint8Array));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, credentials: KEY });
});
afterAll(() => server.close());

const name = fc
  .oneof(
    fc.constantFrom(...PROTOTYPE_NAMES),
    fc.string({ minLength: 1, maxLength: 10 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }),
  )
  .filter((n) => !["__proto__", "x-amz-signature", "page-size", "token"].includes(n.toLowerCase()));

/** Signs GET PATH?query with smithy for this server's host, as a client would send it. */
const signed = async (pairs: [string, string][]) => {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [n, v] of pairs) {
    const seen = query[n];
    Object.defineProperty(query, n, {
      value: seen === undefined ? v : [...(Array.isArray(seen) ? seen : [seen]), v],
      enumerable: true,
      writable: true,
    });
  }
  const host = new URL(server.url).host;
  const signer = new SignatureV4({
    credentials: KEY,
    region: "eu-west-1",
    service: "mobiletargeting",
    sha256: NodeSha256,
  });
  const request = await signer.sign({
    method: "GET",
    protocol: "http:",
    hostname: "127.0.0.1",
    path: PATH,
    query,
    headers: { host },
  });
  const raw = pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([n]) => n !== "host")) as Record<
    string,
    string
  >;
  return { path: `${PATH}${raw ? `?${raw}` : ""}`, headers };
};

describe("journey-runs-mock's SigV4 check and query parameter names", () => {
  it("accepts requests signed with parameters of any name, and refuses them once a __proto__ parameter is appended", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 5 }),
        async (pairs) => {
          const { path, headers } = await signed(pairs);
          const accepted = await rawRequest(server.url, { method: "GET", path, headers });
          expect(accepted.status, accepted.body).toBe(200);
          const appended = await rawRequest(server.url, { method: "GET", path: `${path}&__proto__=x`, headers });
          expect(appended.status).toBe(403);
        },
      ),
      150,
    );
  });
});
