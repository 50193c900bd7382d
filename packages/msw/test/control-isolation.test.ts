import { GetJourneyRunsCommand, PinpointClient } from "@aws-sdk/client-pinpoint";
import { connectJourneyRunsControl, JourneyRunsControlError } from "@journey-runs/msw/control";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const SECRET = "shared-secret-of-the-isolated-mock";
const keyOf = (index: number) => `AKIAJOB${String(index).padStart(13, "0")}`;

function sdkFor(url: string, accessKeyId: string, secretAccessKey = SECRET): PinpointClient {
  return new PinpointClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
}

async function allRunIds(sdk: PinpointClient, app: string, journey: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await sdk.send(
      new GetJourneyRunsCommand({
        ApplicationId: app,
        JourneyId: journey,
        PageSize: "7",
        ...(token ? { Token: token } : {}),
      }),
    );
    ids.push(...(page.JourneyRunsResponse?.Item ?? []).map((run) => run.RunId as string));
    token = page.JourneyRunsResponse?.NextToken;
  } while (token);
  return ids;
}

describe("isolation by AWS access key id, with SigV4 verification on", () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({
      port: 0,
      control: true,
      isolate: 25,
      credentials: { accessKeyId: "AKIAUNUSED0000000000", secretAccessKey: SECRET },
    });
  });
  afterAll(() => server.close());

  test("20 concurrent jobs with different keys, each seeding and paging its own journey, see only their own runs", async () => {
    const jobs = Array.from({ length: 20 }, async (_, index) => {
      const key = keyOf(index);
      const control = connectJourneyRunsControl(server.url, { tenant: key });
      await control.setScene({ example: false });
      await control.addJourney("shared-app", "shared-journey");
      const own = await control.addRuns("shared-app", "shared-journey", [{ runId: `job-${index}` }]);
      const added = [...own, ...(await control.addRuns("shared-app", "shared-journey", 9 + index))];
      const seen = await allRunIds(sdkFor(server.url, key), "shared-app", "shared-journey");
      const journal = await control.journal();
      return { added: added.map((run) => run.RunId), seen, requests: journal.length };
    });
    const results = await Promise.all(jobs);
    for (const [index, result] of results.entries()) {
      expect(result.seen).toHaveLength(10 + index);
      expect(result.seen).toEqual(result.added);
      expect(result.requests).toBe(Math.ceil((10 + index) / 7));
    }
    // Same seed, so the seeded ids repeat across tenants; the named runs must not leak.
    for (const [index, result] of results.entries()) {
      expect(result.seen.filter((id) => id.startsWith("job-"))).toEqual([`job-${index}`]);
    }
  }, 60_000);

  test("a fault of one tenant does not reach another", async () => {
    await connectJourneyRunsControl(server.url, { tenant: keyOf(0) }).failAlways(500);
    await expect(allRunIds(sdkFor(server.url, keyOf(0)), "shared-app", "shared-journey")).rejects.toThrow();
    expect(await allRunIds(sdkFor(server.url, keyOf(1)), "shared-app", "shared-journey")).toHaveLength(11);
    await connectJourneyRunsControl(server.url, { tenant: keyOf(0) }).clearFaults();
  });

  test("a request whose signature does not verify gets 403 and creates no tenant", async () => {
    const error = await allRunIds(sdkFor(server.url, "AKIABADSIGNATURE0000", "wrong"), "a", "j").catch(
      (e: unknown) => e,
    );
    expect((error as { name: string }).name).toBe("InvalidSignatureException");
  });

  test("an unsigned request is refused as Pinpoint's front door refuses it: 403 Missing Authentication Token", async () => {
    const response = await fetch(`${server.url}/v1/apps/a/journeys/j/runs`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await response.json()).toEqual({ message: "Missing Authentication Token" });
  });

  test("health answers without a tenant (a readiness probe has no key to name); every other operation needs one", async () => {
    expect(await connectJourneyRunsControl(server.url).health()).toMatchObject({ status: "ok" });
    const error = await connectJourneyRunsControl(server.url)
      .journal()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyRunsControlError);
    expect((error as JourneyRunsControlError).code).toBe("INVALID_TENANT");
  });

  test("a tenant is named as the contract's AccessKeyId: 1 to 128 of A-Z a-z 0-9 . _ -, nothing else", async () => {
    const journal = (tenant: string) =>
      fetch(`${server.url}/_journey-runs-mock/journal`, { headers: { "x-journey-runs-mock-tenant": tenant } });
    for (const good of ["A".repeat(128), "a.b_c-1"]) expect((await journal(good)).status).toBe(200);
    for (const bad of ["", "A".repeat(129), "a b", "a/b", "key\u00e9"]) {
      const refused = await journal(bad);
      expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([400, "INVALID_TENANT"]);
    }
  });
});

describe("the bound on tenants", () => {
  test("past the bound of keys that sent Pinpoint requests, Pinpoint answers a clear 403 and the control plane TENANT_LIMIT", async () => {
    const server = await startMockServer({ port: 0, control: true, isolate: 2 });
    try {
      // Names on the control plane alone are provisional (a Pinpoint request of a new key may take their slot).
      for (const index of [0, 1, 4, 5]) await connectJourneyRunsControl(server.url, { tenant: keyOf(index) }).health();
      for (const index of [0, 1]) {
        await allRunIds(
          sdkFor(server.url, keyOf(index)),
          "11111111112222222222333333333344",
          "aaaaaaaaaabbbbbbbbbbccccccccccdd",
        );
      }
      const refused = await connectJourneyRunsControl(server.url, { tenant: keyOf(2) })
        .health()
        .catch((e: unknown) => e);
      expect((refused as JourneyRunsControlError).code).toBe("TENANT_LIMIT");
      expect((refused as JourneyRunsControlError).status).toBe(409);
      const error = await allRunIds(sdkFor(server.url, keyOf(3)), "a", "j").catch((e: unknown) => e);
      expect((error as { name: string; message: string }).name).toBe("ForbiddenException");
      expect((error as { message: string }).message).toMatch(/at most 2 access keys.*--isolate/);
      expect(
        (
          await allRunIds(
            sdkFor(server.url, keyOf(1)),
            "11111111112222222222333333333344",
            "aaaaaaaaaabbbbbbbbbbccccccccccdd",
          )
        ).length,
      ).toBe(2);
    } finally {
      await server.close();
    }
  });
});
