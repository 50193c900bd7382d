import {
  BadRequestException,
  ForbiddenException,
  GetJourneyRunsCommand,
  InternalServerErrorException,
  MethodNotAllowedException,
  NotFoundException,
  PayloadTooLargeException,
  PinpointClient,
  PinpointServiceException,
  TooManyRequestsException,
} from "@aws-sdk/client-pinpoint";
import { EXAMPLE_IDS } from "@journey-runs/msw";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { NodeSha256 } from "./support/node-sha256.js";
import { createResponseAudit } from "./support/validate-all.js";

// The official AWS SDK for JavaScript v3, pointed at journey-runs-mock: it must read pages and errors as it reads Pinpoint's.
const credentials = { accessKeyId: "AKIDMOCKEXAMPLE", secretAccessKey: "mock/secret/EXAMPLEKEY" };
const audit = createResponseAudit();
const input = { ApplicationId: EXAMPLE_IDS.applicationId, JourneyId: EXAMPLE_IDS.journeyId };
let open: MockServer;
let signed: MockServer;

function client(url: string, options: { prefer?: string; secretAccessKey?: string } = {}): PinpointClient {
  const sdk = new PinpointClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { ...credentials, ...(options.secretAccessKey ? { secretAccessKey: options.secretAccessKey } : {}) },
    maxAttempts: 1,
  });
  const { prefer } = options;
  if (prefer) {
    sdk.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers.prefer = prefer;
        return next(args);
      },
      { step: "build", name: "preferCode" },
    );
  }
  return sdk;
}

beforeAll(async () => {
  open = await startMockServer({ port: 0, runs: 120, onResponse: audit.onResponse });
  signed = await startMockServer({ port: 0, credentials, onResponse: audit.onResponse });
});

afterEach(async () => {
  await audit.assertAllConform();
});

afterAll(async () => {
  await Promise.all([open.close(), signed.close()]);
});

describe("@aws-sdk/client-pinpoint against journey-runs-mock", () => {
  test("reads every page of the example journey", async () => {
    const sdk = client(open.url);
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const out = await sdk.send(
        new GetJourneyRunsCommand({ ...input, PageSize: "50", ...(token ? { Token: token } : {}) }),
      );
      ids.push(...(out.JourneyRunsResponse?.Item ?? []).map((run) => run.RunId as string));
      token = out.JourneyRunsResponse?.NextToken;
      expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } while (token);
    expect(ids).toHaveLength(122);
    expect(ids.slice(0, 2)).toEqual(["99999999998888888888777777777766", "ffffffffffeeeeeeeeeeddddddddddcc"]);
    expect(new Set(ids).size).toBe(122);
  });

  test("parses the official example's fields (times as Dates, status as text)", async () => {
    const out = await client(open.url).send(new GetJourneyRunsCommand({ ...input, PageSize: "1" }));
    expect(out.JourneyRunsResponse?.Item?.[0]).toEqual({
      CreationTime: "2000-01-01T00:00:00.000Z",
      LastUpdateTime: "2000-01-01T00:00:05.000Z",
      RunId: "99999999998888888888777777777766",
      Status: "COMPLETED",
    });
  });

  test.each([
    [400, BadRequestException],
    [403, ForbiddenException],
    [404, NotFoundException],
    [405, MethodNotAllowedException],
    [413, PayloadTooLargeException],
    [429, TooManyRequestsException],
    [500, InternalServerErrorException],
  ])("receives %i as %o with its request id", async (status, ErrorClass) => {
    const error = await client(open.url, { prefer: `code=${status}` })
      .send(new GetJourneyRunsCommand(input))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    const exception = error as PinpointServiceException & { RequestID?: string };
    expect(exception.name).toBe(ErrorClass.name);
    expect(exception.$metadata.httpStatusCode).toBe(status);
    expect(exception.$metadata.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(exception.RequestID).toBe(exception.$metadata.requestId);
  });

  test("a real validation error reaches the SDK as BadRequestException with the mock's message", async () => {
    const error = await client(open.url)
      .send(new GetJourneyRunsCommand({ ...input, PageSize: "500" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toBe('page-size must be a whole number from 1 to 100, got "500".');
  });
});

describe("SigV4 verification", () => {
  test("accepts the SDK's signature made with the configured key", async () => {
    const out = await client(signed.url).send(new GetJourneyRunsCommand(input));
    expect(out.JourneyRunsResponse?.Item).toHaveLength(2);
  });

  // Refusals of Pinpoint's front door (API Gateway): error types outside the model, which the SDK names as sent.
  test("answers a signature made with another secret as the front door does: InvalidSignatureException", async () => {
    const error = await client(signed.url, { secretAccessKey: "wrong" })
      .send(new GetJourneyRunsCommand(input))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinpointServiceException);
    expect(error).not.toBeInstanceOf(ForbiddenException);
    expect(error).toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toMatch(/^The request signature we calculated does not match/);
    expect((error as { $metadata: { requestId?: string } }).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((error as Error).message).not.toContain("wrong");
  });

  test("answers another access key as the front door does: UnrecognizedClientException", async () => {
    const sdk = new PinpointClient({
      endpoint: signed.url,
      region: "us-east-1",
      credentials: { ...credentials, accessKeyId: "AKIDSOMEONEELSE" },
      maxAttempts: 1,
    });
    const error = await sdk.send(new GetJourneyRunsCommand(input)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
      $metadata: { httpStatusCode: 403 },
    });
  });

  test("answers an unsigned request as Pinpoint's front door does: 403 MissingAuthenticationTokenException", async () => {
    const response = await fetch(`${signed.url}/v1/apps/${input.ApplicationId}/journeys/${input.JourneyId}/runs`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(response.headers.get("x-amz-apigw-id")).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ message: "Missing Authentication Token" });
  });

  test("answers a signature 20 minutes old with 403 InvalidSignatureException: Signature expired", async () => {
    const signer = new SignatureV4({
      credentials,
      region: "us-east-1",
      service: "mobiletargeting",
      sha256: NodeSha256,
    });
    const url = new URL(signed.url);
    const path = `/v1/apps/${input.ApplicationId}/journeys/${input.JourneyId}/runs`;
    const request = await signer.sign(
      { method: "GET", protocol: "http:", hostname: url.hostname, path, query: {}, headers: { host: url.host } },
      { signingDate: new Date(Date.now() - 20 * 60_000) },
    );
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host"));
    const response = await fetch(`${signed.url}${path}`, { headers });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    expect((await response.json()).message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than .* - 5 min\.\)$/,
    );
  });
});
