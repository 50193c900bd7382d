import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createJourneyRunsMock,
  defineJourneyRunsResolver,
  getDefaultJourneyRunsMock,
  handlers,
  journeyRunsError,
  journeyRunsHandler,
  journeyRunsPage,
} from "@journey-runs/msw";
import type { JourneyRunsResponse } from "@journey-runs/types";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createResponseAudit } from "./support/validate-all.js";

const APP = "11111111112222222222333333333344";
const JOURNEY = "aaaaaaaaaabbbbbbbbbbccccccccccdd";
const PATH = `/v1/apps/${APP}/journeys/${JOURNEY}/runs`;
const PINPOINT = "https://pinpoint.us-east-1.amazonaws.com";

const mock = createJourneyRunsMock({ seed: 3 });
const server = setupServer(...mock.handlers);
const audit = createResponseAudit();
let other: Server;
let otherUrl = "";

beforeAll(async () => {
  audit.watchMsw(server);
  // msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame: each ignores the other's (the compat matrix runs
  // this file with msw 3).
  server.listen({ onUnhandledRequest: "bypass", onUnhandledFrame: "bypass" } as Parameters<typeof server.listen>[0]);
  other = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end("real network"));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.resetHandlers();
  mock.reset();
  await audit.assertAllConform();
});

afterAll(async () => {
  server.close();
  await new Promise((resolve) => other.close(resolve));
  expect(audit.count).toBeGreaterThan(20);
});

async function readAll(origin: string, pageSize: number): Promise<JourneyRunsResponse["Item"]> {
  const runs: JourneyRunsResponse["Item"] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ "page-size": String(pageSize), ...(token ? { token } : {}) });
    const response = await fetch(`${origin}${PATH}?${query}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as JourneyRunsResponse;
    runs.push(...page.Item);
    token = page.NextToken;
  } while (token);
  return runs;
}

describe("createJourneyRunsMock with msw/node", () => {
  test.each([PINPOINT, "https://pinpoint.eu-west-1.amazonaws.com", "http://localhost:4010"])(
    "answers the official example on %s",
    async (origin) => {
      const response = await fetch(`${origin}${PATH}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ Item: [{ RunId: "99999999998888888888777777777766" }, {}] });
    },
  );

  test("pages through 103 runs in order, each once", async () => {
    mock.store.example?.addRuns(101);
    const runs = await readAll(PINPOINT, 10);
    expect(runs).toHaveLength(103);
    expect(runs).toEqual(mock.store.example?.runs());
  });

  test("keeps pages stable while runs are added between them", async () => {
    const journey = mock.store.example;
    journey?.addRuns(20);
    const before = journey?.runs().map((r) => r.RunId) ?? [];
    const first = (await (await fetch(`${PINPOINT}${PATH}?page-size=5`)).json()) as JourneyRunsResponse;
    journey?.addRun({ creationTime: "1999-01-01T00:00:00Z" });
    journey?.addRun();
    const second = (await (
      await fetch(`${PINPOINT}${PATH}?page-size=5&token=${first.NextToken}`)
    ).json()) as JourneyRunsResponse;
    expect([...first.Item, ...second.Item].map((r) => r.RunId)).toEqual(before.slice(0, 10));
  });

  test("failNext, throttle and failAlways drive the errors", async () => {
    mock.failNext(500);
    mock.throttle(2);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${PINPOINT}${PATH}`)).status);
    expect(statuses).toEqual([500, 429, 429, 200]);
    mock.failAlways(403);
    const forbidden = await fetch(`${PINPOINT}${PATH}`);
    expect(forbidden.headers.get("X-Amzn-ErrorType")).toBe("ForbiddenException");
  });

  test("networkErrorNext makes fetch reject", async () => {
    mock.networkErrorNext();
    await expect(fetch(`${PINPOINT}${PATH}`)).rejects.toThrow(TypeError);
    expect((await fetch(`${PINPOINT}${PATH}`)).status).toBe(200);
  });

  test("answers another method with 405", async () => {
    const response = await fetch(`${PINPOINT}${PATH}`, { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ Message: "Method DELETE is not allowed on this resource" });
  });

  test("answers a label that is not valid percent-encoding with its own 400, not an MSW failure", async () => {
    const response = await fetch(`${PINPOINT}/v1/apps/%zz/journeys/${JOURNEY}/runs`);
    expect(response.status).toBe(400);
    expect((await response.json()).Message).toMatch(/application-id is not valid percent-encoding/);
  });

  test("lets other paths through to the network", async () => {
    const response = await fetch(`${otherUrl}/v1/apps/${APP}`);
    expect(await response.text()).toBe("real network");
  });

  test("a custom typed resolver overrides the fake, with the helpers' AWS shape", async () => {
    server.use(
      journeyRunsHandler(
        defineJourneyRunsResolver(({ params }) =>
          params.journeyId === "empty" ? journeyRunsPage({ Item: [] }) : journeyRunsError(429, "slow down"),
        ),
      ),
    );
    const empty = await fetch(`${PINPOINT}/v1/apps/${APP}/journeys/empty/runs`);
    expect(await empty.json()).toEqual({ Item: [] });
    const throttled = await fetch(`${PINPOINT}${PATH}`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("X-Amzn-ErrorType")).toBe("TooManyRequestsException");
    expect((await throttled.json()).Message).toBe("slow down");
  });
});

describe("baseUrl", () => {
  test("answers only the given origin", async () => {
    const scoped = createJourneyRunsMock({ baseUrl: `${PINPOINT}/` });
    server.use(...scoped.handlers);
    scoped.failAlways(500);
    expect((await fetch(`${PINPOINT}${PATH}`)).status).toBe(500);
    expect((await fetch(`https://pinpoint.eu-west-1.amazonaws.com${PATH}`)).status).toBe(200);
  });
});

describe("the ready handlers export", () => {
  test("serves the default mock, created on first use and reset on demand", async () => {
    server.use(...handlers);
    getDefaultJourneyRunsMock().failNext(404);
    expect((await fetch(`${PINPOINT}${PATH}`)).status).toBe(404);
    getDefaultJourneyRunsMock().store.example?.addRuns(1);
    expect(((await (await fetch(`${PINPOINT}${PATH}`)).json()) as JourneyRunsResponse).Item).toHaveLength(3);
    getDefaultJourneyRunsMock().reset();
    expect(((await (await fetch(`${PINPOINT}${PATH}`)).json()) as JourneyRunsResponse).Item).toHaveLength(2);
  });
});
