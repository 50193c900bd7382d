import { GetJourneyRunsCommand, PinpointClient } from "@aws-sdk/client-pinpoint";
import { connectJourneyRunsControl } from "@journey-runs/msw/control";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const KEY = "AKIAJOURNALREFUSALS0";
const SECRET = "the-secret-of-the-journal-test";
const PATH = "/v1/apps/app/journeys/j/runs";

const sdk = (url: string, secretAccessKey: string) =>
  new PinpointClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId: KEY, secretAccessKey },
    maxAttempts: 1,
  });
const call = (client: PinpointClient) =>
  client.send(new GetJourneyRunsCommand({ ApplicationId: "app", JourneyId: "j" })).catch((e: unknown) => e);

describe.each([
  ["one fake", {}],
  ["isolated tenants (the tenant exists)", { isolate: 5 }],
])("requests refused by the SigV4 check are in the journal with their reason (%s)", (_name, extra) => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({
      port: 0,
      control: true,
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
      ...extra,
    });
  });
  afterAll(() => server.close());

  test("a bad signature and a missing one are journaled with status, request id and reason; a good one without", async () => {
    const control = connectJourneyRunsControl(server.url, "isolate" in extra ? { tenant: KEY } : {});
    await control.resetAll();
    await control.addJourney("app", "j");
    expect(await call(sdk(server.url, "wrong-secret"))).toMatchObject({ name: "InvalidSignatureException" });
    expect(await call(sdk(server.url, SECRET))).toMatchObject({ JourneyRunsResponse: expect.anything() });
    const entries = await control.journal();
    expect(entries.map((entry) => [entry.status, entry.path])).toEqual([
      [403, PATH],
      [200, PATH],
    ]);
    const [refused, served] = entries;
    expect(refused?.reason).toMatch(/signature/i);
    expect(refused?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(served?.reason).toBeUndefined();
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });
});

test("without isolation an unsigned request to a server that verifies is journaled with its reason", async () => {
  const server = await startMockServer({
    port: 0,
    control: true,
    credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
  });
  try {
    const control = connectJourneyRunsControl(server.url);
    expect((await fetch(`${server.url}${PATH}`)).status).toBe(403);
    const [entry] = await control.journal();
    expect(entry).toMatchObject({ status: 403, method: "GET", path: PATH, reason: expect.any(String) });
  } finally {
    await server.close();
  }
});
