import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createJourneyRunsClient } from "@journey-runs/client";
import { connectJourneyRunsControl, JourneyRunsControlError } from "@journey-runs/msw/control";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE } from "./support/arbitraries.js";
import { controlCall, INTENT } from "./support/control-http.js";

// Writes to the control plane need proof that a program sends them (docs/decisions/0021-control-plane-intent.md);
// tenants are kept for keys that sign; the control client sends nothing to another path or origin; a control
// token that could never authenticate is refused at start.

describe("control plane writes need proof of intent that a web page cannot forge", () => {
  let server: MockServer;
  let url: string;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, control: true });
    url = server.url;
  });
  afterAll(() => server.close());

  it.each<[string, Record<string, string>, boolean, number]>([
    [
      "a rebound DNS name (Host and Origin both the attacker's)",
      { host: "evil.example", origin: "http://evil.example" },
      true,
      401,
    ],
    ["a rebound DNS name with a port", { host: "evil.example:4010" }, true, 401],
    ["no intent header, from loopback", {}, false, 401],
    ["the intent header with another value", { "x-journey-runs-mock-intent": "yes" }, false, 401],
    ["the intent header, Host 127.0.0.1", {}, true, 204],
    ["the intent header, Host localhost", { host: "localhost:4010" }, true, 204],
    ["the intent header, Host [::1]", { host: "[::1]:4010" }, true, 204],
    ["the intent header, Host app.localhost", { host: "app.localhost" }, true, 204],
  ])("%s (%j, intent header %s): writes answer %i", async (_, headers, intent, status) => {
    for (const [method, path, body] of [
      ["POST", "/reset", undefined],
      ["POST", "/reset-all", undefined],
      ["PUT", "/latency", { ms: 0 }],
      ["PUT", "/state", await server.fake.dump()],
    ] as const) {
      const answer = await controlCall(url, method, path, { headers, intent, body });
      expect(answer.status, `${method} ${path}`).toBe(status);
      if (status === 401) expect(answer.json?.code).toBe("UNAUTHORIZED");
    }
  });

  it("reads need no intent header (a page of another origin may read the state)", async () => {
    const answer = await controlCall(url, "GET", "/health", { headers: { origin: "http://127.0.0.1:5173" } });
    expect(answer.status).toBe(200);
  });

  it("with a control token, the token is the proof: any Host is accepted with it and the intent header", async () => {
    const guarded = await startMockServer({ port: 0, control: { token: "a-long-token" } });
    try {
      const headers = { host: "fake.internal:4010", authorization: "Bearer a-long-token" };
      expect((await controlCall(guarded.url, "POST", "/reset", { headers })).status).toBe(204);
      expect((await controlCall(guarded.url, "POST", "/reset", { headers, intent: false })).status).toBe(401);
    } finally {
      await guarded.close();
    }
  });
});

describe("isolation: names on the control plane never keep a signing key out", () => {
  const secretAccessKey = "isolation/secret/key";
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({
      port: 0,
      control: true,
      isolate: 3,
      credentials: { accessKeyId: "AKIDBASE", secretAccessKey },
    });
  });
  afterAll(() => server.close());

  const signedCall = (accessKeyId: string) =>
    createJourneyRunsClient({
      region: "us-east-1",
      endpoint: server.url,
      credentials: { accessKeyId, secretAccessKey },
      retry: false,
    }).getJourneyRuns(EXAMPLE);

  it("after 10 unsigned control requests name 10 keys (bound 3), a new signing key is served", async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await controlCall(server.url, "POST", "/reset", {
        headers: { "x-journey-runs-mock-tenant": `AKIDUNSIGNED${i}` },
      });
      expect(answer.status).toBe(204);
    }
    for (const key of ["AKIDSIGNED1", "AKIDSIGNED2", "AKIDSIGNED3"]) {
      const page = await signedCall(key);
      expect(page.Item.length).toBeGreaterThan(0);
    }
    // Three signing keys hold the three slots now: a fourth is refused, and so is a new name on the control plane.
    await expect(signedCall("AKIDSIGNED4")).rejects.toMatchObject({ status: 403 });
    const named = await controlCall(server.url, "POST", "/reset", {
      headers: { "x-journey-runs-mock-tenant": "AKIDX" },
    });
    expect(named.json?.code).toBe("TENANT_LIMIT");
  });
});

describe("connectJourneyRunsControl sends each call to its own path on its own origin", () => {
  let target: Server;
  let other: Server;
  let targetUrl: string;
  const seen: string[] = [];
  beforeAll(async () => {
    other = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    target = createServer((req, res) => {
      seen.push(`target ${req.method} ${req.url}`);
      res.writeHead(307, { location: `${otherUrl}${req.url}` }).end();
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    target.close();
    other.close();
  });

  it.each([".", ".."])("refuses the id %j before any request (a URL would drop it as a dot segment)", async (id) => {
    seen.length = 0;
    const control = connectJourneyRunsControl(targetUrl);
    for (const call of [
      () => control.addJourney(id, "journey"),
      () => control.addJourney("app", id),
      () => control.removeApplication(id),
      () => control.setRunStatus("app", "journey", id, "COMPLETED"),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(JourneyRunsControlError);
      await expect(call()).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
    expect(seen).toEqual([]);
  });

  it("follows no redirect: load() and reset() fail, and the other origin receives nothing", async () => {
    seen.length = 0;
    const control = connectJourneyRunsControl(targetUrl);
    await expect(control.reset()).rejects.toBeInstanceOf(JourneyRunsControlError);
    await expect(
      control.load({
        format: "journey-runs-mock/state",
        version: 1,
        now: "2026-01-01T00:00:00.000Z",
        applications: [],
      }),
    ).rejects.toBeInstanceOf(JourneyRunsControlError);
    expect(seen.every((line) => line.startsWith("target "))).toBe(true);
  });

  it("sends the intent header on writes only", async () => {
    const headers: Record<string, string | undefined>[] = [];
    const probe = createServer((req, res) => {
      headers.push({ method: req.method, intent: req.headers["x-journey-runs-mock-intent"] as string | undefined });
      res
        .writeHead(200, { "content-type": "application/json" })
        .end('{"status":"ok","clock":"manual","now":"2026-01-01T00:00:00.000Z"}');
    });
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    try {
      const control = connectJourneyRunsControl(`http://127.0.0.1:${(probe.address() as AddressInfo).port}`);
      await control.health();
      await control.reset().catch(() => undefined);
      expect(headers).toEqual([
        { method: "GET", intent: undefined },
        { method: "POST", intent: INTENT["x-journey-runs-mock-intent"] },
      ]);
    } finally {
      probe.close();
    }
  });
});

describe("a control token that could never authenticate is refused at start", () => {
  it.each(["with space", "with\ttab", "newline\nin-it", "non-ascii-é-token", "short"])("%j", async (token) => {
    await expect(startMockServer({ port: 0, control: { token } })).rejects.toThrow(/visible ASCII/);
  });

  it("a token of 8 visible characters (the bound) authenticates", async () => {
    const server = await startMockServer({ port: 0, control: { token: "!#$%&'*+" } });
    try {
      const headers = { authorization: "Bearer !#$%&'*+" };
      expect((await controlCall(server.url, "POST", "/reset", { headers })).status).toBe(204);
    } finally {
      await server.close();
    }
  });
});
