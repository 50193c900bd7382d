import { Sha256 } from "@aws-crypto/sha256-js";
import { createJourneyRunsClient } from "@journey-runs/client";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendableId } from "./support/arbitraries.js";
import { checkProperty } from "./support/property.js";

/** A page the fake `fetch` answers with, so the client's call completes. */
const page = () =>
  new Response('{"Item":[]}', {
    headers: { "content-type": "application/json", "x-amzn-RequestId": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11" },
  });

/** What @smithy/signature-v4 (the AWS SDK v3 signer) computes for the request the client put on the wire. */
const smithyAuthorization = async (
  url: URL,
  headers: Record<string, string>,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  region: string,
  signingDate: Date,
): Promise<string> => {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(url.search)) query[name] = value;
  const unsigned = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "authorization"));
  const request = new HttpRequest({
    method: "GET",
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query,
    headers: { ...unsigned, host: url.host },
  });
  const signer = new SignatureV4({
    credentials,
    region,
    service: "mobiletargeting",
    sha256: Sha256,
    uriEscapePath: true,
    // The client sends no x-amz-content-sha256 (Pinpoint does without it, as botocore does): smithy adds none either.
    applyChecksum: false,
  });
  const signed = await signer.sign(request, { signingDate });
  return String(signed.headers.authorization);
};

const region = fc.oneof(
  fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1", "il-central-1"),
  fc.stringMatching(/^[a-z]{2}(-[a-z]{2,9}){1,2}-[1-9]$/),
);
/** No endpoint (the Region's), or a proxy, a local mock, a path prefix with spaces and reserved characters. */
const endpoint = fc.constantFrom(
  undefined,
  "http://127.0.0.1:4010",
  "http://localhost:8080/proxy/pinpoint/",
  "https://example.com/a%20b/c",
  "https://example.com:8443/x!y(z)/",
);
const secret = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);
const accessKeyId = fc.stringMatching(/^(AKIA|ASIA)[A-Z2-7]{16}$/);
const sessionToken = fc.option(fc.base64String({ minLength: 16, maxLength: 400 }), { nil: undefined });
const token = fc.option(
  fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 64 }),
    fc.base64String({ minLength: 4, maxLength: 64 }),
  ),
  { nil: undefined },
);

afterEach(() => {
  vi.useRealTimers();
});

describe("the client's SigV4 signature", () => {
  it("equals what @smithy/signature-v4 computes, for random ids, page sizes, tokens, regions, endpoints, times and session tokens", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.record({
          applicationId: sendableId,
          journeyId: sendableId,
          pageSize: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
          token,
        }),
        region,
        endpoint,
        fc.record({ accessKeyId, secretAccessKey: secret, sessionToken }),
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
        async (input, awsRegion, proxy, credentials, now) => {
          vi.useFakeTimers({ toFake: ["Date"], now });
          const sent: { url: string; headers: Record<string, string> }[] = [];
          const client = createJourneyRunsClient({
            region: awsRegion,
            ...(proxy ? { endpoint: proxy } : {}),
            credentials:
              credentials.sessionToken === undefined ? { ...credentials, sessionToken: undefined } : credentials,
            fetch: async (url, init) => {
              sent.push({ url, headers: { ...(init.headers as Record<string, string>) } });
              return page();
            },
          });
          await client.getJourneyRuns(input);
          vi.useRealTimers();
          expect(sent).toHaveLength(1);
          const [{ url, headers }] = sent as [(typeof sent)[0]];
          const time = new Date(Math.floor(now.getTime() / 1000) * 1000);
          expect(headers["x-amz-date"]).toBe(time.toISOString().replace(/[-:]|\.\d+/g, ""));
          expect(headers["x-amz-security-token"]).toBe(credentials.sessionToken);
          const smithyCredentials = {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey,
            ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
          };
          expect(headers.authorization).toBe(
            await smithyAuthorization(new URL(url), headers, smithyCredentials, awsRegion, time),
          );
        },
      ),
      200,
    );
  });
});
