import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCall } from "./support/control-http.js";
import { type MockChild, startMockChild } from "./support/mock-child.js";

// Every control operation has a bound on what it may cost, stated in openapi/journey-runs-mock-control.yaml and
// checked before the work starts; each is tried at the bound and one past it, against the built bin.

const JOURNEY = "/apps/app1/journeys/journey1";
const MIB = 1024 * 1024;

/** A `PUT /state` body: a valid head, then `applications` made of `item` repeated `count` times. */
const stateBody = (item: string, count: number) =>
  `{"format":"journey-runs-mock/state","version":1,"now":"2026-01-01T00:00:00.000Z","applications":[${Array(count).fill(item).join(",")}]}`;

describe("journey-runs-mock: runs made per request and per store", () => {
  let mock: MockChild;
  beforeAll(async () => {
    mock = await startMockChild(["--quiet"]);
    expect((await controlCall(mock.url, "PUT", JOURNEY)).status).toBe(204);
  });
  afterAll(() => {
    mock.child.kill("SIGKILL");
  });

  it("refuses 10,000,000 runs (the old maximum) at once with 400, and the server keeps answering", async () => {
    const started = performance.now();
    const answer = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 10_000_000 } });
    expect(answer.status).toBe(400);
    expect(answer.json?.code).toBe("INVALID_ARGUMENT");
    expect(answer.json?.message).toMatch(/1 to 10000\b/);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await controlCall(mock.url, "GET", "/health")).status).toBe(200);
  });

  it("adds 10,000 runs (the bound) in one request, as a number or a list, and refuses 10,001", async () => {
    const at = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 10_000 } });
    expect(at.status).toBe(200);
    expect(at.json?.runs).toHaveLength(10_000);
    const past = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 10_001 } });
    expect(past.status).toBe(400);
    const list = (n: number) => ({ runs: Array.from({ length: n }, () => ({})) });
    expect((await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: list(10_000) })).status).toBe(200);
    expect((await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: list(10_001) })).status).toBe(400);
  }, 30_000);

  it("holds 200,000 runs of its own in a store (the bound) and refuses one more with 409 LIMIT_EXCEEDED", async () => {
    await controlCall(mock.url, "POST", "/reset");
    await controlCall(mock.url, "PUT", JOURNEY);
    // The example journey holds 2 runs: fill the store to exactly 200,000.
    for (let i = 0; i < 19; i++) {
      expect((await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 10_000 } })).status).toBe(200);
    }
    const last = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 9_998 } });
    expect(last.status).toBe(200);
    const past = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 1 } });
    expect(past.status).toBe(409);
    expect(past.json?.code).toBe("LIMIT_EXCEEDED");
    const listed = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: [{}] } });
    expect(listed.json?.code).toBe("LIMIT_EXCEEDED");
    await controlCall(mock.url, "POST", "/reset");
  }, 120_000);

  it("holds 100,000 journeys over all applications (the bound): a load of 100,001 and one more journey are refused", async () => {
    const apps = (count: number) =>
      Array.from({ length: Math.ceil(count / 10_000) }, (_, a) => ({
        applicationId: `app${a}`,
        journeys: Array.from({ length: Math.min(10_000, count - a * 10_000) }, (_, j) => ({
          journeyId: `j${j}`,
          runs: [],
        })),
      }));
    const state = (count: number) => ({
      format: "journey-runs-mock/state",
      version: 1,
      now: "2026-01-01T00:00:00.000Z",
      applications: apps(count),
    });
    const past = await controlCall(mock.url, "PUT", "/state", { body: state(100_001) });
    expect(past.status).toBe(400);
    expect(past.json?.message).toMatch(/at most 100000 journeys/);
    expect((await controlCall(mock.url, "PUT", "/state", { body: state(100_000) })).status).toBe(204);
    const more = await controlCall(mock.url, "PUT", "/apps/another/journeys/one");
    expect(more.status).toBe(409);
    expect(more.json?.code).toBe("LIMIT_EXCEEDED");
    expect((await controlCall(mock.url, "DELETE", "/apps/app0/journeys/j0")).status).toBe(200);
    expect((await controlCall(mock.url, "PUT", "/apps/another/journeys/one")).status).toBe(204);
    await controlCall(mock.url, "POST", "/reset");
  }, 60_000);

  it("refuses a scene that would make more than 100,000 runs over all its parts, before making any", async () => {
    const parts = (first: number) => ({
      exampleRuns: first,
      journeys: Array.from({ length: 9 }, (_, i) => ({ applicationId: "a", journeyId: `j${i}`, runs: 10_000 })),
    });
    const at = parts(10_000);
    expect((await controlCall(mock.url, "PUT", "/scene", { body: at })).status).toBe(204);
    const past = {
      ...parts(10_000),
      journeys: [...parts(0).journeys, { applicationId: "a", journeyId: "x", runs: [{}] }],
    };
    const started = performance.now();
    const answer = await controlCall(mock.url, "PUT", "/scene", { body: past });
    expect(answer.status).toBe(400);
    expect(answer.json?.message).toMatch(/at most 100000 runs/);
    expect(performance.now() - started).toBeLessThan(2_000);
    const huge = {
      journeys: Array.from({ length: 10_000 }, (_, i) => ({ applicationId: "a", journeyId: `j${i}`, runs: 10_000 })),
    };
    expect((await controlCall(mock.url, "PUT", "/scene", { body: huge })).status).toBe(400);
    await controlCall(mock.url, "PUT", "/scene", { body: {} });
  }, 60_000);
});

describe("journey-runs-mock: PUT /state bodies are bounded in structure and held bytes", () => {
  let mock: MockChild;
  beforeAll(async () => {
    mock = await startMockChild(["--quiet"]);
  });
  afterAll(() => {
    mock.child.kill("SIGKILL");
  });

  it("refuses 16 MiB of empty arrays with 413 while reading it, and grows by far less than its size", async () => {
    const before = mock.memory().rss;
    const body = stateBody("[]", Math.floor((16 * MIB) / 3));
    const started = performance.now();
    const answer = await controlCall(mock.url, "PUT", "/state", { body });
    const elapsed = performance.now() - started;
    console.log(
      `16 MiB of empty arrays: ${answer.status} in ${elapsed.toFixed(0)} ms, RSS +${(mock.memory().rss - before).toFixed(1)} MiB (peak ${mock.memory().peak.toFixed(0)} MiB)`,
    );
    expect(answer.status).toBe(413);
    expect(answer.json?.message).toMatch(/1000000 objects and arrays/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(mock.memory().rss - before).toBeLessThan(64);
  }, 30_000);

  it.each([
    ["1,000,000 objects and arrays (the bound)", 1_000_000 - 1, 400],
    ["1,000,001 objects and arrays", 1_000_000, 413],
  ])(
    "%s: a body within the bound is parsed (400: not a valid state), one past is refused (413)",
    async (_, count, status) => {
      // The outer object and the applications list are two containers; each `[]` one more.
      const answer = await controlCall(mock.url, "PUT", "/state", { body: stateBody("[]", count - 1) });
      expect(answer.status).toBe(status);
    },
    30_000,
  );

  it.each([
    [32, 400],
    [33, 413],
  ])("a body nested %i deep answers %i", async (depth, status) => {
    const nested = `${"[".repeat(depth - 2)}${"]".repeat(depth - 2)}`;
    const answer = await controlCall(mock.url, "PUT", "/state", { body: stateBody(nested, 1) });
    expect(answer.status).toBe(status);
  });

  it("holds at most 128 MiB of bodies at once: two 63 MiB uploads are read, a third gets 503 BUSY", async () => {
    const sockets = [0, 1].map(
      () =>
        new Promise<ReturnType<typeof connect>>((resolve) => {
          const socket = connect(mock.port, "127.0.0.1", () => {
            socket.write(
              `PUT /_journey-runs-mock/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Journey-Runs-Mock-Intent: control\r\nContent-Type: application/json\r\nContent-Length: ${63 * MIB}\r\n\r\n{`,
            );
            resolve(socket);
          });
        }),
    );
    const open = await Promise.all(sockets);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = await new Promise<string>((resolve) => {
      let seen = "";
      const socket = connect(mock.port, "127.0.0.1", () =>
        socket.write(
          `PUT /_journey-runs-mock/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Journey-Runs-Mock-Intent: control\r\nContent-Type: application/json\r\nContent-Length: ${63 * MIB}\r\n\r\n{`,
        ),
      );
      socket.on("data", (chunk: Buffer) => {
        seen += chunk.toString("latin1");
      });
      socket.on("close", () => resolve(seen));
      setTimeout(() => {
        socket.destroy();
        resolve(seen);
      }, 3_000);
    });
    expect(third).toMatch(/^HTTP\/1\.1 503/);
    expect(third).toMatch(/Retry-After: 1/i);
    expect(third).toContain('"code":"BUSY"');
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The bytes are given back when the connections end.
    expect((await controlCall(mock.url, "PUT", "/state", { body: stateBody("[]", 1) })).status).toBe(400);
  }, 30_000);

  it("answers Expect: 100-continue with 100 Continue once the head passed every check", async () => {
    const text = await new Promise<string>((resolve) => {
      let seen = "";
      const socket = connect(mock.port, "127.0.0.1", () =>
        socket.write(
          "PUT /_journey-runs-mock/latency HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Journey-Runs-Mock-Intent: control\r\nContent-Type: application/json\r\nContent-Length: 8\r\nExpect: 100-continue\r\n\r\n",
        ),
      );
      socket.on("data", (chunk: Buffer) => {
        seen += chunk.toString("latin1");
        if (seen.includes("100 Continue")) socket.write('{"ms":0}');
        if (/HTTP\/1\.1 204/.test(seen)) {
          socket.destroy();
          resolve(seen);
        }
      });
      setTimeout(() => {
        socket.destroy();
        resolve(seen);
      }, 900);
    });
    expect(text).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(text).toMatch(/HTTP\/1\.1 204/);
  });
});

describe("journey-runs-mock: GET /state is bounded in runs and in bytes held", () => {
  it.each([
    [199_998, 200],
    [199_999, 409],
  ])(
    "with --runs %i (plus the 2 example runs) answers %i",
    async (runs, status) => {
      const mock = await startMockChild(["--quiet", "--runs", String(runs)]);
      try {
        const answer = await controlCall(mock.url, "GET", "/state");
        expect(answer.status).toBe(status);
        if (status === 409) expect(answer.json?.code).toBe("LIMIT_EXCEEDED");
      } finally {
        mock.child.kill("SIGKILL");
      }
    },
    60_000,
  );

  it("clients that never read their dump hold at most the budget: 4 dumps of 30 MB are held, the fifth gets 503", async () => {
    const mock = await startMockChild(["--quiet", "--runs", "199998"]);
    try {
      const statuses: string[] = [];
      const sockets = [];
      for (let i = 0; i < 5; i++) {
        const socket = connect(mock.port, "127.0.0.1");
        socket.write("GET /_journey-runs-mock/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const first = await new Promise<string>((resolve) => socket.once("data", (chunk) => resolve(String(chunk))));
        statuses.push(/^HTTP\/1\.1 (\d+)/.exec(first)?.[1] ?? "?");
        socket.pause();
        sockets.push(socket);
      }
      console.log(
        `5 dumps never read: ${statuses.join(", ")}; RSS ${mock.memory().rss.toFixed(0)} MiB (peak ${mock.memory().peak.toFixed(0)} MiB)`,
      );
      expect(statuses).toEqual(["200", "200", "200", "200", "503"]);
      for (const socket of sockets) socket.destroy();
    } finally {
      mock.child.kill("SIGKILL");
    }
  }, 60_000);
});

describe("journey-runs-mock: times stay within the range of a Date", () => {
  let mock: MockChild;
  beforeAll(async () => {
    mock = await startMockChild(["--quiet"]);
  });
  afterAll(() => {
    mock.child.kill("SIGKILL");
  });

  it("refuses to advance the clock past the last valid time, and keeps answering", async () => {
    const advance = await controlCall(mock.url, "POST", "/clock/advance", { body: { ms: 8.64e15 } });
    expect(advance.status).toBe(400);
    expect((await controlCall(mock.url, "GET", "/health")).status).toBe(200);
    await controlCall(mock.url, "PUT", JOURNEY);
    const page = await fetch(`${mock.url}/v1/apps/app1/journeys/journey1/runs`);
    expect(page.status).toBe(200);
    // Up to the last valid time is allowed.
    await controlCall(mock.url, "PUT", "/clock", { body: { time: 8.64e15 - 1000 } });
    expect((await controlCall(mock.url, "POST", "/clock/advance", { body: { ms: 1000 } })).status).toBe(200);
    expect((await controlCall(mock.url, "POST", "/clock/advance", { body: { ms: 1 } })).status).toBe(400);
    expect((await controlCall(mock.url, "GET", "/health")).status).toBe(200);
  });

  it("makes no run past the last valid time after a run at it (generated runs end by the clock), and keeps answering pages", async () => {
    await controlCall(mock.url, "POST", "/reset");
    await controlCall(mock.url, "PUT", JOURNEY);
    const late = new Date(8.64e15).toISOString();
    const added = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, {
      body: { runs: [{ creationTime: late, status: "COMPLETED" }] },
    });
    expect(added.status).toBe(200);
    const now = Date.parse(((await controlCall(mock.url, "GET", "/health")).json as { now: string }).now);
    const more = await controlCall(mock.url, "POST", `${JOURNEY}/runs`, { body: { runs: 3 } });
    expect(more.status).toBe(200);
    const made = (more.json as { runs: { CreationTime: string; LastUpdateTime: string }[] }).runs;
    expect(made).toHaveLength(3);
    for (const run of made) expect(Date.parse(run.LastUpdateTime)).toBeLessThanOrEqual(now);
    const page = await fetch(`${mock.url}/v1/apps/app1/journeys/journey1/runs`);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { Item: unknown[] }).Item).toHaveLength(4);
  });

  it.each([
    [2_147_483_647, 204],
    [2_147_483_648, 400],
  ])("latency %i ms answers %i (a longer timer would fire at once)", async (ms, status) => {
    expect((await controlCall(mock.url, "PUT", "/latency", { body: { ms } })).status).toBe(status);
    await controlCall(mock.url, "PUT", "/latency", { body: { ms: 0 } });
  });
});
