import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createSigV4Verifier, type ReceivedRequest } from "./sigv4.js";

const fixtures = new URL("../../test/fixtures/sigv4/", import.meta.url);
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

interface Context {
  credentials: { access_key_id: string; secret_access_key: string };
  service: string;
  timestamp: string;
}

/** Parses a raw request of the suite: folded header lines join with a newline, repeated headers stay separate. */
function parseRaw(text: string): ReceivedRequest {
  const [head = "", body = ""] = text.split(/\r?\n\r?\n/);
  const [requestLine = "", ...lines] = head.split(/\r?\n/);
  const method = requestLine.slice(0, requestLine.indexOf(" "));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(" HTTP/"));
  const headers: Record<string, string[]> = {};
  let last: string[] | undefined;
  for (const line of lines) {
    if (/^\s/.test(line) && last) {
      last[last.length - 1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).toLowerCase();
    headers[name] ??= [];
    last = headers[name];
    last.push(line.slice(colon + 1));
  }
  const q = target.indexOf("?");
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? "" : target.slice(q + 1),
    headers,
    body: new TextEncoder().encode(body),
  };
}

function load(name: string) {
  const context = JSON.parse(readFileSync(new URL(`${name}/context.json`, fixtures), "utf8")) as Context;
  const request = parseRaw(readFileSync(new URL(`${name}/header-signed-request.txt`, fixtures), "utf8"));
  const verifier = (secret = context.credentials.secret_access_key, now = Date.parse(context.timestamp)) =>
    createSigV4Verifier({
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: secret,
      service: context.service,
      now: () => now,
    });
  return { context, request, verifier };
}

describe("createSigV4Verifier against the AWS SigV4 test suite (aws-c-auth, normalized paths)", () => {
  test("covers the suite", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  test.each(cases)("accepts %s", async (name) => {
    const { request, verifier } = load(name);
    await expect(verifier()(request)).resolves.toEqual({ ok: true });
  });

  test.each(cases)("rejects %s signed with another secret", async (name) => {
    const { request, verifier } = load(name);
    const verdict = await verifier("not-the-secret")(request);
    expect(verdict).toMatchObject({
      ok: false,
      message: expect.stringMatching(/signature we calculated does not match/),
      errorType: "InvalidSignatureException",
    });
  });

  test.each(cases)("rejects %s once its path is altered", async (name) => {
    const { request, verifier } = load(name);
    const verdict = await verifier()({ ...request, path: `${request.path}x` });
    expect(verdict.ok).toBe(false);
  });
});

describe("createSigV4Verifier refuses", () => {
  const { request, verifier } = load("get-vanilla");
  const withHeader = (name: string, value: string | undefined): ReceivedRequest => ({
    ...request,
    headers: { ...request.headers, [name]: value === undefined ? undefined : [value] },
  });
  const fiveMinutes = 5 * 60_000;
  const signedAt = Date.parse("2015-08-30T12:36:00Z");

  // As API Gateway answers them (docs/decisions/0022-front-door.md): exact messages, and the front door's type.
  test.each([
    ["no Authorization header", withHeader("authorization", undefined), "MissingAuthenticationTokenException"],
    [
      "another access key",
      withHeader("authorization", String(request.headers.authorization?.[0]).replace("AKIDEXAMPLE", "AKIDOTHER")),
      "UnrecognizedClientException",
    ],
  ] as const)("%s, as the front door does", async (_name, received, errorType) => {
    const message = {
      MissingAuthenticationTokenException: "Missing Authentication Token",
      UnrecognizedClientException: "The security token included in the request is invalid.",
    }[errorType];
    expect(await verifier()(received)).toEqual({ ok: false, message, errorType });
  });

  // What API Gateway's answer is not sourced for: the contract's ForbiddenException (no errorType), with a hint.
  test.each([
    ["a malformed Authorization header", withHeader("authorization", "AWS4-HMAC-SHA256 nonsense"), /malformed/],
    [
      "another service in the scope",
      withHeader("authorization", String(request.headers.authorization?.[0]).replace("/service/", "/pinpoint/")),
      /scoped to correct service: 'service'/,
    ],
    ["no X-Amz-Date", withHeader("x-amz-date", undefined), /X-Amz-Date header/],
    ["an X-Amz-Date of another day than the scope", withHeader("x-amz-date", "20150831T123600Z"), /does not match/],
    [
      "an unsigned Host",
      withHeader("authorization", String(request.headers.authorization?.[0]).replace("host;", "")),
      /'Host' must be a signed header/,
    ],
  ])("%s", async (_name, received, message) => {
    const verdict = await verifier()(received);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringMatching(message), errorType: undefined });
  });

  // API Gateway's window and wording: "Signature expired: X is now earlier than Y (NOW - 5 min.)".
  test.each([
    [
      "a signature 5 minutes and 1 second old",
      signedAt + fiveMinutes + 1_000,
      "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T124101Z - 5 min.)",
    ],
    [
      "a signature dated 5 minutes and 1 second ahead",
      signedAt - fiveMinutes - 1_000,
      "Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T123059Z + 5 min.)",
    ],
  ])("%s", async (_name, now, message) => {
    const verdict = await verifier(undefined, now)(request);
    expect(verdict).toEqual({ ok: false, message, errorType: "InvalidSignatureException" });
  });

  test("accepts a signature exactly 5 minutes old, and one dated exactly 5 minutes ahead", async () => {
    await expect(verifier(undefined, signedAt + fiveMinutes)(request)).resolves.toEqual({ ok: true });
    await expect(verifier(undefined, signedAt - fiveMinutes)(request)).resolves.toEqual({ ok: true });
  });

  test("never repeats the signature or the secret in its message", async () => {
    const verdict = await verifier("not-the-secret")(request);
    const signature = /Signature=(\w+)/.exec(String(request.headers.authorization?.[0]))?.[1] as string;
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.message).not.toContain(signature);
      expect(verdict.message).not.toContain("not-the-secret");
    }
  });
});

describe("createSigV4Verifier against requests signed by botocore (query names of Object.prototype)", () => {
  const signed = JSON.parse(
    readFileSync(new URL("../../test/fixtures/sigv4-botocore/requests.json", import.meta.url), "utf8"),
  ) as { query: string; headers: Record<string, string> }[];
  const receive = (query: string, headers: Record<string, string>): ReceivedRequest => ({
    method: "GET",
    path: "/v1/apps/a/journeys/j/runs",
    query,
    headers: {
      ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      host: ["127.0.0.1:4010"],
    },
  });
  const verifierAt = (amzDate: string) =>
    createSigV4Verifier({
      accessKeyId: "AKIDPROPERTY",
      secretAccessKey: "property/secret+key",
      now: () => Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z")),
    });

  test.each(signed.map((s) => [s.query, s] as const))("accepts ?%s as signed", async (_, { query, headers }) => {
    await expect(verifierAt(headers["x-amz-date"] as string)(receive(query, headers))).resolves.toEqual({ ok: true });
  });

  test.each(signed.map((s) => [s.query, s] as const))(
    "refuses ?%s with a __proto__ parameter appended, or its first parameter dropped",
    async (_, { query, headers }) => {
      const verify = verifierAt(headers["x-amz-date"] as string);
      expect((await verify(receive(`${query}&__proto__=1`, headers))).ok).toBe(false);
      expect((await verify(receive(query.slice(query.indexOf("&") + 1), headers))).ok).toBe(false);
    },
  );
});
