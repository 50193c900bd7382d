import { Agent, get } from "node:http";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createResponseAudit } from "./support/validate-all.js";

const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const audit = createResponseAudit();
const lines: string[] = [];
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    seed: 5,
    runs: 40,
    log: (line) => lines.push(line),
    onResponse: audit.onResponse,
  });
});

afterEach(async () => {
  server.fake.reset();
  server.fake.store.example?.addRuns(40);
  await audit.assertAllConform();
});

afterAll(async () => {
  await server.close();
  expect(audit.count).toBeGreaterThan(10);
});

/** GETs over one keep-alive connection; resolves with whether each request reused the socket and its answer. */
async function keepAliveGets(url: string, count: number, headers: Record<string, string> = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answers: { reused: boolean; status: number | undefined; connection: string | undefined; body: string }[] = [];
  try {
    for (let i = 0; i < count; i++) {
      answers.push(
        await new Promise((resolve, reject) => {
          const req = get(url, { agent, headers }, (res) => {
            let body = "";
            res.setEncoding("utf8").on("data", (chunk: string) => {
              body += chunk;
            });
            res.on("end", () =>
              resolve({ reused: req.reusedSocket, status: res.statusCode, connection: res.headers.connection, body }),
            );
          });
          req.on("error", reject);
        }),
      );
    }
  } finally {
    agent.destroy();
  }
  return answers;
}

describe("startMockServer", () => {
  test("answers request after request on one keep-alive connection (answers written at once keep it open)", async () => {
    const answers = await keepAliveGets(`${server.url}${PATH}?page-size=2`, 4);
    expect(answers.map((a) => [a.status, a.connection])).toEqual(Array(4).fill([200, "keep-alive"]));
    expect(answers.map((a) => a.reused)).toEqual([false, true, true, true]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // Errors too: a refused request without a body leaves nothing unread on the connection.
    const refused = await keepAliveGets(`${server.url}${PATH}?page-size=0`, 3);
    expect(refused.map((a) => [a.status, a.connection, a.reused])).toEqual([
      [400, "keep-alive", false],
      [400, "keep-alive", true],
      [400, "keep-alive", true],
    ]);
  });

  test("listens on 127.0.0.1 and a free port, and says where", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  test("serves the example journey with --runs added, page by page", async () => {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const response = await fetch(`${server.url}${PATH}?page-size=15${token ? `&token=${token}` : ""}`);
      expect(response.headers.get("content-length")).toEqual(expect.any(String));
      const page = (await response.json()) as { Item: { RunId: string }[]; NextToken?: string };
      ids.push(...page.Item.map((r) => r.RunId));
      token = page.NextToken;
    } while (token);
    expect(ids).toHaveLength(42);
    expect(new Set(ids).size).toBe(42);
  });

  test("answers other paths 404 in the AWS shape", async () => {
    const response = await fetch(`${server.url}/v1/apps`);
    expect(response.status).toBe(404);
    expect(response.headers.get("X-Amzn-ErrorType")).toBe("NotFoundException");
    expect((await response.json()).Message).toMatch(/only serves GetJourneyRuns/);
  });

  test("forces any documented error with Prefer: code=NNN", async () => {
    for (const status of [400, 403, 404, 405, 413, 429, 500]) {
      const response = await fetch(`${server.url}${PATH}`, { headers: { Prefer: `code=${status}` } });
      expect(response.status).toBe(status);
      await response.arrayBuffer();
    }
  });

  test("drops the connection for networkErrorNext", async () => {
    server.fake.networkErrorNext();
    await expect(fetch(`${server.url}${PATH}`)).rejects.toThrow(TypeError);
  });

  test("answers a body over the 7 MB quota with 413", async () => {
    const response = await fetch(`${server.url}${PATH}`, { method: "POST", body: new Uint8Array(7 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(response.headers.get("X-Amzn-ErrorType")).toBe("PayloadTooLargeException");
  });

  test("logs one line per request", async () => {
    lines.length = 0;
    await (await fetch(`${server.url}${PATH}?page-size=1`)).arrayBuffer();
    expect(lines).toEqual([
      expect.stringMatching(/^GET \/v1\/apps\/.+\/runs\?page-size=1 -> 200 [\d.]+ms [0-9a-f-]{36}$/),
    ]);
  });
});

describe("CORS (an extra of the fake)", () => {
  test("adds no CORS headers without an Origin", async () => {
    const response = await fetch(`${server.url}${PATH}`);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    await response.arrayBuffer();
  });

  test("lets a page on another origin read the response and its AWS headers", async () => {
    const response = await fetch(`${server.url}${PATH}`, { headers: { Origin: "http://localhost:5173" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-expose-headers")).toMatch(/x-amzn-RequestId/);
    await response.arrayBuffer();
  });

  test("answers a preflight with 204, GET and the asked headers", async () => {
    const response = await fetch(`${server.url}${PATH}`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization, x-amz-date",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET");
    expect(response.headers.get("access-control-allow-headers")).toBe("authorization, x-amz-date");
  });

  test("answers OPTIONS without Origin as the contract says: 405", async () => {
    const response = await fetch(`${server.url}${PATH}`, { method: "OPTIONS" });
    expect(response.status).toBe(405);
    await response.arrayBuffer();
  });
});

describe("startMockServer options", () => {
  test("serves a given fake and applies latency to it", async () => {
    const shared = await startMockServer({ port: 0, fake: server.fake, latency: 0, onResponse: audit.onResponse });
    server.fake.failNext(500);
    expect((await fetch(`${shared.url}${PATH}`)).status).toBe(500);
    await shared.close();
  });

  test("close({ graceMs }) answers requests in flight and says none were cut; without grace it cuts them", async () => {
    const slow = await startMockServer({ port: 0, latency: 200, onResponse: audit.onResponse });
    const answered = fetch(`${slow.url}${PATH}`).then((response) => response.status);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(slow.close({ graceMs: 2_000 })).resolves.toEqual({ cut: 0 });
    await expect(answered).resolves.toBe(200);
    const cutting = await startMockServer({ port: 0, latency: 2_000 });
    const cut = fetch(`${cutting.url}${PATH}`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(cutting.close()).resolves.toEqual({ cut: 1 });
    expect(await cut).toBeInstanceOf(TypeError);
  });

  test("rejects when the port is taken", async () => {
    await expect(startMockServer({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
