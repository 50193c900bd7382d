import { createJourneyRunsClient } from "@journey-runs/client";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createContractValidator } from "../src/contract.js";
import { EXAMPLE } from "./support/arbitraries.js";
import { frontDoorErrors, isFrontDoor } from "./support/front-door.js";
import { rawRequest } from "./support/http.js";
import { checkProperty } from "./support/property.js";

const CREDENTIALS = {
  accessKeyId: "AKIDMOCKSIGV4TEST",
  secretAccessKey: "mock/sigv4/secret+key/for/reliability/tests",
};
const MINUTE = 60_000;
const validate = createContractValidator();

/** A request exactly as the client signed it, ready to be sent (or tampered with and sent). */
interface Signed {
  url: string;
  headers: Record<string, string>;
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, runs: 30, credentials: CREDENTIALS });
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Signs GetJourneyRuns with the client at `time` (fake Date), without sending it. */
const signAt = async (time: number, input: { pageSize?: number; token?: string } = {}): Promise<Signed> => {
  vi.useFakeTimers({ toFake: ["Date"], now: time });
  let signed: Signed | undefined;
  const client = createJourneyRunsClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: CREDENTIALS,
    retry: false,
    fetch: async (url, init) => {
      signed = { url, headers: { ...(init.headers as Record<string, string>) } };
      return new Response('{"Item":[]}', { headers: { "content-type": "application/json" } });
    },
  });
  await client.getJourneyRuns({ ...EXAMPLE, ...input });
  vi.useRealTimers();
  return signed as Signed;
};

/** The contract's shape, or API Gateway's for a refusal at Pinpoint's front door (outside the contract). */
const shapeErrors = (answer: Parameters<typeof frontDoorErrors>[0]) =>
  isFrontDoor(answer) ? frontDoorErrors(answer) : validate(answer);

/** Sends a signed (maybe tampered) request to the mock; returns the status, type and message, shape checked. */
const send = async ({ url, headers }: Signed): Promise<{ status: number; type: string | null; message: string }> => {
  const response = await fetch(url, { headers });
  const answer = { status: response.status, headers: response.headers, body: await response.text() };
  expect(shapeErrors(answer)).toEqual([]);
  const body = answer.status === 200 ? {} : JSON.parse(answer.body);
  return { status: answer.status, type: response.headers.get("x-amzn-errortype"), message: body.message ?? "" };
};

describe("journey-runs-mock's SigV4 check", () => {
  it("accepts a fresh signature, a replay of it, and one signed 4 minutes ago or ahead", async () => {
    const fresh = await signAt(Date.now());
    expect((await send(fresh)).status).toBe(200);
    expect((await send(fresh)).status).toBe(200);
    expect((await send(await signAt(Date.now() - 4 * MINUTE))).status).toBe(200);
    expect((await send(await signAt(Date.now() + 4 * MINUTE))).status).toBe(200);
  });

  it("refuses a replay signed more than 5 minutes ago, or more than 5 minutes ahead, as API Gateway does", async () => {
    const cases = [6 * MINUTE, 60 * MINUTE, 24 * 60 * MINUTE, -6 * MINUTE];
    for (const age of cases) {
      const { status, type, message } = await send(await signAt(Date.now() - age));
      expect([status, type]).toEqual([403, "InvalidSignatureException"]);
      expect(message).toMatch(
        age > 0 ? /^Signature expired: .* - 5 min\.\)$/ : /^Signature not yet current: .* \+ 5 min\.\)$/,
      );
    }
  });

  it.each<[string, (signed: Signed) => Signed]>([
    [
      "another journey in the path",
      (s) => ({ ...s, url: s.url.replace(EXAMPLE.journeyId, `${EXAMPLE.journeyId.slice(0, -1)}e`) }),
    ],
    ["another application in the path", (s) => ({ ...s, url: s.url.replace(EXAMPLE.applicationId, "x") })],
    ["a label spelled with a needless escape (%61 for a)", (s) => ({ ...s, url: s.url.replace("/aaaa", "/%61aaa") })],
    ["a trailing slash", (s) => ({ ...s, url: s.url.replace("/runs", "/runs/") })],
    ["a page-size changed in the query", (s) => ({ ...s, url: s.url.replace("page-size=10", "page-size=11") })],
    ["a page-size removed from the query", (s) => ({ ...s, url: s.url.replace("?page-size=10", "") })],
    ["a token added to the query", (s) => ({ ...s, url: `${s.url}&token=abc` })],
    ["a page-size given twice", (s) => ({ ...s, url: `${s.url}&page-size=10` })],
    [
      "X-Amz-Date moved by one second",
      (s) => ({ ...s, headers: { ...s.headers, "x-amz-date": bump(s.headers["x-amz-date"]) } }),
    ],
    ["a signed header changed", (s) => ({ ...s, headers: { ...s.headers, "amz-sdk-request": "attempt=2; max=3" } })],
    [
      "another access key",
      (s) => ({ ...s, headers: { ...s.headers, authorization: otherKey(s.headers.authorization) } }),
    ],
    ["no Authorization", (s) => ({ ...s, headers: withoutAuthorization(s.headers) })],
  ])("refuses a request with %s (403 from the front door)", async (name, tamper) => {
    const signed = await signAt(Date.now(), { pageSize: 10 });
    expect((await send(signed)).status).toBe(200);
    const { status, type, message } = await send(tamper(signed));
    const expected =
      name === "no Authorization"
        ? "MissingAuthenticationTokenException"
        : name === "another access key"
          ? "UnrecognizedClientException"
          : "InvalidSignatureException";
    expect([status, type]).toEqual([403, expected]);
    expect(message).not.toContain(/Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? "")?.[1]);
  });

  it("refuses any one-character change to the signed path or query, and accepts the request unchanged", async () => {
    const signed = await signAt(Date.now(), { pageSize: 10 });
    const { pathname, search, origin } = new URL(signed.url);
    const target = `${pathname}${search}`;
    // node:http sends the changed target byte for byte: fetch would normalise some changes away.
    const headers = withoutHost(signed.headers);
    await checkProperty(
      fc.asyncProperty(
        fc.integer({ min: 1, max: target.length - 1 }),
        fc.constantFrom(..."abcdef0123456789-_.~%/?&=XZ"),
        async (at, replacement) => {
          const changed = `${target.slice(0, at)}${replacement}${target.slice(at + 1)}`;
          fc.pre(changed !== target);
          const answer = await rawRequest(origin, { method: "GET", path: changed, headers });
          expect(shapeErrors(answer)).toEqual([]);
          expect(answer.status).toBe(403);
        },
      ),
      150,
    );
    expect((await send(signed)).status).toBe(200);
  });
});

const bump = (amzDate = "") => {
  const iso = amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z");
  return new Date(Date.parse(iso) + 1000).toISOString().replace(/[-:]|\.\d+/g, "");
};
const otherKey = (authorization = "") => authorization.replace(CREDENTIALS.accessKeyId, "AKIDSOMEONEELSE00000");
const withoutHost = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "host"));
const withoutAuthorization = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "authorization"));
