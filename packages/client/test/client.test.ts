import {
  createJourneyRunsClient,
  createJourneyRunsFetchClient,
  InvalidInputError,
  isJourneyRunsError,
  isPinpointServiceException,
  NotFoundException,
} from "@journey-runs/client";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const ENDPOINT = "http://127.0.0.1:4010";
const RUNS = "http://127.0.0.1:4010/v1/apps/:app/journeys/:journey/runs";
const run = (id: string) => ({
  CreationTime: "2000-01-01T00:00:00.000Z",
  LastUpdateTime: "2000-01-01T00:00:05.000Z",
  RunId: id,
  Status: "COMPLETED",
});
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN/+==";
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Records the requests the handlers see. */
const seen: Request[] = [];
const answer = (response: () => Response) =>
  http.get(RUNS, ({ request }) => {
    seen.push(request.clone());
    return response();
  });
afterEach(() => {
  seen.length = 0;
});

describe("getJourneyRuns", () => {
  it("sends a signed GET with the headers of AWS SDK v3 and returns the page", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [run("r1")], NextToken: "n1" })));
    const client = createJourneyRunsClient({ region: "us-east-1", endpoint: ENDPOINT, credentials });
    const page = await client.getJourneyRuns({ applicationId: "app", journeyId: "jr", pageSize: 10 });
    expect(page).toEqual({ Item: [run("r1")], NextToken: "n1" });
    const headers = seen[0]?.headers as Headers;
    expect(seen[0]?.url).toBe(`${ENDPOINT}/v1/apps/app/journeys/jr/runs?page-size=10`);
    expect(headers.get("accept")).toBe("application/json");
    expect(headers.get("amz-sdk-invocation-id")).toMatch(/^[\da-f-]{36}$/);
    expect(headers.get("amz-sdk-request")).toBe("attempt=1; max=3");
    expect(headers.get("x-amz-date")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(headers.get("x-amz-security-token")).toBe(TOKEN);
    // Pinpoint does not need the payload hash (botocore never sends it): one header less on the wire.
    expect(headers.has("x-amz-content-sha256")).toBe(false);
    expect(headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/mobiletargeting\/aws4_request, SignedHeaders=accept;amz-sdk-invocation-id;amz-sdk-request;host;x-amz-date;x-amz-security-token, Signature=[\da-f]{64}$/,
    );
  });

  it("sends no signature without credentials (the mock)", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [] })));
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    expect(await client.getJourneyRuns({ applicationId: "a", journeyId: "j" })).toEqual({ Item: [] });
    expect(seen[0]?.headers.get("authorization")).toBeNull();
    expect(seen[0]?.headers.get("x-amz-date")).toBeNull();
  });

  it("percent-encodes labels and the token as AWS does, !'()* included", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [] })));
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    await client.getJourneyRuns({ applicationId: "a b!'()*", journeyId: "j/ሴ", token: "t +/=" });
    expect(seen[0]?.url).toBe(
      `${ENDPOINT}/v1/apps/a%20b%21%27%28%29%2A/journeys/j%2F%E1%88%B4/runs?token=t%20%2B%2F%3D`,
    );
  });

  it.each([
    [{ applicationId: "", journeyId: "j" }, "applicationId"],
    [{ applicationId: ".", journeyId: "j" }, "applicationId"],
    [{ applicationId: "a", journeyId: ".." }, "journeyId"],
    [{ applicationId: "a", journeyId: "\uD800" }, "journeyId"],
    [{ applicationId: "a", journeyId: "j", pageSize: 0 }, "pageSize"],
    [{ applicationId: "a", journeyId: "j", pageSize: 2.5 }, "pageSize"],
    [{ applicationId: "a", journeyId: "j", token: "" }, "token"],
    [undefined, "applicationId"],
  ])("refuses %j before sending anything (%s)", async (input, field) => {
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    const error = await client.getJourneyRuns(input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ name: "InvalidInputError", field });
    expect(seen).toHaveLength(0);
  });

  it("leaves page-size limits to the service: 1000 is sent", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [] })));
    await createJourneyRunsClient({ endpoint: ENDPOINT }).getJourneyRuns({
      applicationId: "a",
      journeyId: "j",
      pageSize: 1000,
    });
    expect(new URL(seen[0]?.url as string).searchParams.get("page-size")).toBe("1000");
  });

  it("removes a null NextToken (the last page as AWS documents it)", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [], NextToken: null })));
    const page = await createJourneyRunsClient({ endpoint: ENDPOINT }).getJourneyRuns({
      applicationId: "a",
      journeyId: "j",
    });
    expect(page).toEqual({ Item: [] });
    expect("NextToken" in page).toBe(false);
  });

  it.each([
    ["not JSON", () => new HttpResponse("<html>", { status: 200 })],
    ["no Item", () => HttpResponse.json({ Items: [] })],
    ["a run without RunId", () => HttpResponse.json({ Item: [{ Status: "RUNNING" }] })],
    ["a NextToken that is a number", () => HttpResponse.json({ Item: [], NextToken: 5 })],
  ])("throws InvalidResponseError for a 200 with %s", async (_, response) => {
    server.use(answer(response));
    const error = await createJourneyRunsClient({ endpoint: ENDPOINT, retry: false })
      .getJourneyRuns({ applicationId: "a", journeyId: "j" })
      .catch((e: unknown) => e);
    expect(isJourneyRunsError(error, "InvalidResponseError")).toBe(true);
    expect((error as Error).message).toMatch(/^GetJourneyRuns got a 200 response that is not a page of runs/);
  });
});

describe("errors", () => {
  it("throws NotFoundException with status, type, request id and a message that says what to do", async () => {
    server.use(
      answer(() =>
        HttpResponse.json(
          { Message: "Journey not found", RequestID: "8c0e2b4d-1111-4a51-8d0e-0f2b8d9a1e11" },
          { status: 404, headers: { "X-Amzn-ErrorType": "NotFoundException", "x-amzn-RequestId": "other" } },
        ),
      ),
    );
    const client = createJourneyRunsClient({ region: "us-east-1", endpoint: ENDPOINT, credentials });
    const error = await client.getJourneyRuns({ applicationId: "a", journeyId: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(isPinpointServiceException(error)).toBe(true);
    expect(isJourneyRunsError(error, "NotFoundException")).toBe(true);
    expect(isJourneyRunsError(error, "BadRequestException")).toBe(false);
    expect(error).toMatchObject({
      name: "NotFoundException",
      status: 404,
      errorType: "NotFoundException",
      requestId: "8c0e2b4d-1111-4a51-8d0e-0f2b8d9a1e11",
      retryable: false,
      message:
        "GetJourneyRuns failed with 404 NotFoundException: Journey not found (request id 8c0e2b4d-1111-4a51-8d0e-0f2b8d9a1e11). Check applicationId, journeyId and the Region.",
    });
    expect(seen).toHaveLength(1);
  });

  it("reads response headers whatever the case of their names (happy-dom's Headers keep it when iterated)", async () => {
    /** Headers that iterate with the names as given, as happy-dom's do (the Fetch standard lowercases them). */
    class CaseKeepingHeaders extends Headers {
      readonly #given: [string, string][];
      constructor(given: Record<string, string>) {
        super(given);
        this.#given = Object.entries(given);
      }
      override *[Symbol.iterator](): HeadersIterator<[string, string]> {
        yield* this.#given;
      }
    }
    const answer = (status: number, headers: Record<string, string>) => {
      const response = new Response("{}", { status });
      Object.defineProperty(response, "headers", { value: new CaseKeepingHeaders(headers) });
      return response;
    };
    expect([...answer(404, { "X-Amzn-ErrorType": "NotFoundException" }).headers]).toEqual([
      ["X-Amzn-ErrorType", "NotFoundException"],
    ]);
    const notFound = createJourneyRunsClient({
      endpoint: ENDPOINT,
      fetch: async () => answer(404, { "X-Amzn-ErrorType": "NotFoundException", "X-Amzn-RequestId": "req-1" }),
    });
    const error = await notFound.getJourneyRuns({ applicationId: "a", journeyId: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ errorType: "NotFoundException", requestId: "req-1" });
    expect((error as NotFoundException).response.headers).toEqual({
      "x-amzn-errortype": "NotFoundException",
      "x-amzn-requestid": "req-1",
    });

    const controller = new AbortController();
    const delays: number[] = [];
    const throttled = createJourneyRunsClient({
      endpoint: ENDPOINT,
      retry: { random: () => 0 },
      fetch: async () => answer(429, { "X-Amzn-ErrorType": "TooManyRequestsException", "Retry-After": "2" }),
      onRetry: ({ delayMs }) => {
        delays.push(delayMs);
        controller.abort();
      },
    });
    const aborted = await throttled
      .getJourneyRuns({ applicationId: "a", journeyId: "j" }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(aborted).toMatchObject({ name: "AbortError" });
    expect(delays).toEqual([2_000]);
  });

  it("never shows the secret key, the session token or the signature", async () => {
    let signature = "";
    server.use(
      http.get(RUNS, ({ request }) => {
        signature = /Signature=(\w+)/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
        // A server that echoes what it got, as "signature does not match" answers do.
        const echo = `expected ${signature}; token ${TOKEN}; key ${SECRET}`;
        return HttpResponse.json(
          { Message: echo },
          { status: 403, headers: { "X-Amzn-ErrorType": "ForbiddenException", "x-echo": echo } },
        );
      }),
    );
    const client = createJourneyRunsClient({ region: "us-east-1", endpoint: ENDPOINT, credentials });
    const error = await client.getJourneyRuns({ applicationId: "a", journeyId: "j" }).catch((e: unknown) => e);
    expect(signature).toMatch(/^[\da-f]{64}$/);
    const shown = [
      String(error),
      (error as Error).message,
      (error as Error).stack,
      JSON.stringify(error),
      JSON.stringify((error as { response: unknown }).response),
      JSON.stringify((error as { request: unknown }).request),
    ].join("\n");
    for (const secret of [SECRET, TOKEN, signature]) expect(shown).not.toContain(secret);
    expect(shown).toContain("[redacted]");
    expect((error as { request: { headers: Record<string, string> } }).request.headers.authorization).toBe(
      "[redacted]",
    );
  });

  it("throws NetworkError when nothing answers, with a summary as cause", async () => {
    server.use(http.get(RUNS, () => HttpResponse.error()));
    const client = createJourneyRunsClient({ endpoint: ENDPOINT, retry: false });
    const error = await client.getJourneyRuns({ applicationId: "a", journeyId: "j" }).catch((e: unknown) => e);
    expect(isJourneyRunsError(error, "NetworkError")).toBe(true);
    expect(error).toMatchObject({ retryable: true, cause: { name: "TypeError" } });
    expect((error as Error).message).toMatch(/^GetJourneyRuns could not reach http:\/\/127\.0\.0\.1:4010: TypeError/);
  });

  it("throws AbortError when the signal aborts during the request", async () => {
    server.use(http.get(RUNS, () => new Promise<Response>(() => {})));
    const controller = new AbortController();
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    const call = client.getJourneyRuns({ applicationId: "a", journeyId: "j" }, { signal: controller.signal });
    controller.abort(new Error("user left"));
    const error = await call.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError", retryable: false, cause: { message: "user left" } });
    expect(isJourneyRunsError(error, "AbortError")).toBe(true);
  });

  it("sends nothing when the signal aborts while the credentials provider answers (with or without timeoutMs)", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [] })));
    for (const timeoutMs of [undefined, 5_000]) {
      const controller = new AbortController();
      const client = createJourneyRunsClient({
        region: "us-east-1",
        endpoint: ENDPOINT,
        ...(timeoutMs ? { timeoutMs } : {}),
        credentials: async () => {
          controller.abort(new Error("user left"));
          return credentials;
        },
      });
      const error = await client
        .getJourneyRuns({ applicationId: "a", journeyId: "j" }, { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "AbortError", cause: { message: "user left" } });
    }
    expect(seen).toHaveLength(0);
  });

  it("throws TimeoutError when an attempt takes longer than timeoutMs", async () => {
    server.use(http.get(RUNS, () => new Promise<Response>(() => {})));
    const client = createJourneyRunsClient({ endpoint: ENDPOINT, timeoutMs: 30, retry: false });
    const error = await client.getJourneyRuns({ applicationId: "a", journeyId: "j" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 30, retryable: true });
  });

  it.each([
    [{}, "options.region"],
    [{ region: "us east" }, "options.region"],
    [{ endpoint: "ftp://x" }, "options.endpoint"],
    [{ endpoint: "http://127.0.0.1:4010/?q" }, "options.endpoint"],
    [{ endpoint: ENDPOINT, credentials }, "options.region"],
    [{ endpoint: ENDPOINT, timeoutMs: 0 }, "options.timeoutMs"],
    [{ endpoint: ENDPOINT, retry: { maxAttempts: 0 } }, "options.retry.maxAttempts"],
  ])("refuses the options %j with InvalidInputError on %s", (options, field) => {
    expect(() => createJourneyRunsClient(options as never)).toThrow(expect.objectContaining({ field }));
  });
});

describe("paginateJourneyRuns and iterateJourneyRuns", () => {
  const pages: Record<string, object> = {
    "": { Item: [run("r1"), run("r2")], NextToken: "t2" },
    t2: { Item: [run("r3")], NextToken: "t3" },
    t3: { Item: [run("r4")] },
  };
  const paged = () =>
    http.get(RUNS, ({ request }) => {
      seen.push(request.clone());
      return HttpResponse.json(pages[new URL(request.url).searchParams.get("token") ?? ""] ?? {});
    });

  it("follows NextToken until a page has none", async () => {
    server.use(paged());
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    const got = [];
    for await (const page of client.paginateJourneyRuns({ applicationId: "a", journeyId: "j", pageSize: 2 }))
      got.push(page);
    expect(got.map((page) => page.Item.length)).toEqual([2, 1, 1]);
    expect(seen.map((request) => new URL(request.url).search)).toEqual([
      "?page-size=2",
      "?page-size=2&token=t2",
      "?page-size=2&token=t3",
    ]);
  });

  it("starts at input.token and yields the runs one by one", async () => {
    server.use(paged());
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    const ids = [];
    for await (const r of client.iterateJourneyRuns({ applicationId: "a", journeyId: "j", token: "t2" }))
      ids.push(r.RunId);
    expect(ids).toEqual(["r3", "r4"]);
  });

  it("throws InvalidResponseError when the service answers a token with the same token", async () => {
    server.use(answer(() => HttpResponse.json({ Item: [], NextToken: "same" })));
    const client = createJourneyRunsClient({ endpoint: ENDPOINT });
    const pagesSeen: unknown[] = [];
    const error = await (async () => {
      for await (const page of client.paginateJourneyRuns({ applicationId: "a", journeyId: "j" })) pagesSeen.push(page);
    })().catch((e: unknown) => e);
    expect(pagesSeen).toHaveLength(2);
    expect((error as Error).message).toMatch(/loops \(a NextToken seen before/);
  });
});

describe("createJourneyRunsFetchClient", () => {
  it("is openapi-fetch, signed and retried by the same pipeline, with errors as { error, response }", async () => {
    let calls = 0;
    server.use(
      http.get(RUNS, ({ request }) => {
        seen.push(request.clone());
        calls++;
        return calls === 1
          ? HttpResponse.json(
              { Message: "boom" },
              { status: 500, headers: { "X-Amzn-ErrorType": "InternalServerErrorException" } },
            )
          : HttpResponse.json(
              { Message: "nope" },
              { status: 404, headers: { "X-Amzn-ErrorType": "NotFoundException" } },
            );
      }),
    );
    const api = createJourneyRunsFetchClient({
      region: "us-east-1",
      endpoint: ENDPOINT,
      credentials,
      retry: { random: () => 0 },
    });
    const { data, error, response } = await api.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
      params: { path: { "application-id": "a b", "journey-id": "j" }, query: { "page-size": 5 } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ Message: "nope" });
    expect(response.status).toBe(404);
    expect(seen.map((r) => r.headers.get("amz-sdk-request"))).toEqual(["attempt=1; max=3", "attempt=2; max=3"]);
    expect(seen[0]?.url).toBe(`${ENDPOINT}/v1/apps/a%20b/journeys/j/runs?page-size=5`);
    expect(seen[1]?.headers.get("authorization")).toMatch(
      /SignedHeaders=accept;amz-sdk-invocation-id;amz-sdk-request;host;/,
    );
  });

  it("checks its options as createJourneyRunsClient does", () => {
    expect(() => createJourneyRunsFetchClient({ endpoint: "ftp://x" })).toThrow(
      expect.objectContaining({ name: "InvalidInputError", field: "options.endpoint" }),
    );
  });

  it("is not a member of createJourneyRunsClient's client (apps that do not use it do not bundle it)", () => {
    expect(Object.keys(createJourneyRunsClient({ endpoint: ENDPOINT })).sort()).toEqual([
      "getJourneyRuns",
      "iterateJourneyRuns",
      "paginateJourneyRuns",
    ]);
  });

  it("refuses a '.' label before sending anything", async () => {
    const api = createJourneyRunsFetchClient({ endpoint: ENDPOINT });
    await expect(
      api.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", {
        params: { path: { "application-id": ".", "journey-id": "j" } },
      }),
    ).rejects.toMatchObject({ name: "InvalidInputError", field: "applicationId" });
    expect(seen).toHaveLength(0);
  });
});
