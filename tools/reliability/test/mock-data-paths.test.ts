import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCall } from "./support/control-http.js";
import { mockCli, startMockChild } from "./support/mock-child.js";

// `--data` paths of every kind (links, FIFOs, too many folders, bad runs, deep nesting, ids with NUL): each is
// loaded whole or refused with a message naming the file (and JSON pointer), never skipped, never a hang.

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const run = (i: number, at = T0 + i * 1000) => ({
  CreationTime: new Date(at).toISOString(),
  LastUpdateTime: new Date(at + 10).toISOString(),
  RunId: `run-${i}`,
  Status: "COMPLETED",
});
const page = (from: number, count: number) =>
  JSON.stringify({ JourneyRunsResponse: { Item: Array.from({ length: count }, (_, i) => run(from + i)) } });
const state = (applications: unknown) =>
  JSON.stringify({ format: "journey-runs-mock/state", version: 1, now: "2026-01-01T00:00:00.000Z", applications });

/** Runs the bin with `args` until it exits or `ms` pass: its exit code (or "hung") and what it printed. */
const exitOf = (args: string[], ms = 5_000): Promise<{ code: number | string; output: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [mockCli(), "--port", "0", "--quiet", ...args]);
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (/http:\/\//.test(output)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ code: "hung", output });
    }, ms);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal === "SIGKILL" && /http:\/\//.test(output) ? "listening" : String(signal)),
        output,
      });
    });
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "jr-data-paths-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const countRuns = async (url: string, app: string, journey: string) => {
  let count = 0;
  let token: string | undefined;
  do {
    const query = `page-size=100${token ? `&token=${encodeURIComponent(token)}` : ""}`;
    const body = (await (await fetch(`${url}/v1/apps/${app}/journeys/${journey}/runs?${query}`)).json()) as {
      Item: unknown[];
      NextToken?: string;
    };
    count += body.Item.length;
    token = body.NextToken;
  } while (token);
  return count;
};

describe("--data follows symbolic links to pages and folders", () => {
  it("serves all 300 runs when one page and one journey folder are links", async () => {
    const root = join(dir, "links");
    const real = join(dir, "links-real");
    mkdirSync(join(root, "app1", "journey1"), { recursive: true });
    mkdirSync(join(real, "journey2"), { recursive: true });
    writeFileSync(join(root, "app1", "journey1", "page-1.json"), page(0, 100));
    writeFileSync(join(real, "page-2.json"), page(100, 100));
    symlinkSync(join(real, "page-2.json"), join(root, "app1", "journey1", "page-2.json"));
    writeFileSync(join(real, "journey2", "page-1.json"), page(0, 100));
    symlinkSync(join(real, "journey2"), join(root, "app1", "journey2"));
    const mock = await startMockChild(["--quiet", "--data", root]);
    try {
      expect((await countRuns(mock.url, "app1", "journey1")) + (await countRuns(mock.url, "app1", "journey2"))).toBe(
        300,
      );
    } finally {
      mock.child.kill("SIGKILL");
    }
  });

  it("refuses a dangling link, naming it", async () => {
    const root = join(dir, "dangling", "app1", "journey1");
    mkdirSync(root, { recursive: true });
    symlinkSync(join(dir, "nowhere.json"), join(root, "page-1.json"));
    const result = await exitOf(["--data", join(dir, "dangling")]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("page-1.json");
  });
});

describe("--data refuses what is not a regular file instead of waiting on it", () => {
  const fifo = () => {
    const path = join(dir, `fifo-${Math.random().toString(16).slice(2)}.json`);
    const made = spawnSync("mkfifo", [path]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    return path;
  };

  it("a FIFO given as --data: exit 1 naming it, within seconds", async () => {
    const path = fifo();
    const result = await exitOf(["--data", path]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(path);
    expect(result.output).toMatch(/regular file/);
  });

  it("a FIFO inside a data folder: exit 1 naming it", async () => {
    const folder = join(dir, "with-fifo", "app1", "journey1");
    mkdirSync(folder, { recursive: true });
    const made = spawnSync("mkfifo", [join(folder, "page-1.json")]);
    expect(made.status).toBe(0);
    const result = await exitOf(["--data", join(dir, "with-fifo")]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("page-1.json");
  });
});

describe("--data bounds are the bounds of the state it builds", () => {
  it.each([
    [10_000, "listening"],
    [10_001, 1],
  ])(
    "%i applications in one dump: %s (one past is refused naming the file and pointer)",
    async (count, code) => {
      const file = join(dir, `apps-${count}.json`);
      writeFileSync(
        file,
        state(
          Array.from({ length: count }, (_, i) => ({
            applicationId: `app${i}`,
            journeys: [{ journeyId: "j", runs: [] }],
          })),
        ),
      );
      const result = await exitOf(["--data", file], 20_000);
      expect(result.code).toBe(code);
      if (code === 1) {
        expect(result.output).toContain(file);
        expect(result.output).toContain("/applications/10000");
        expect(result.output).not.toMatch(/cannot listen/);
      }
    },
    30_000,
  );
});

describe("--data errors name the file and the JSON pointer", () => {
  it.each<[string, unknown, RegExp]>([
    [
      "runs out of page order",
      { JourneyRunsResponse: { Item: [run(1), run(0)] } },
      /page-1\.json at \/JourneyRunsResponse\/Item\/1\/CreationTime: expected runs in page order/,
    ],
    [
      "a run that finishes before it starts",
      { JourneyRunsResponse: { Item: [{ ...run(0), LastUpdateTime: "2025-01-01T00:00:00.000Z" }] } },
      /page-1\.json at \/JourneyRunsResponse\/Item\/0\/LastUpdateTime: expected a time not before CreationTime/,
    ],
  ])("%s", async (name, content, message) => {
    const folder = join(dir, name.replaceAll(" ", "-"), "app1", "journey1");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "page-1.json"), JSON.stringify(content));
    const result = await exitOf(["--data", join(dir, name.replaceAll(" ", "-"))]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(message);
    expect(result.output).not.toMatch(/cannot listen/);
  });

  it("deep nesting where an id is expected: the file and pointer, no stack overflow", async () => {
    const file = join(dir, "deep.json");
    writeFileSync(
      file,
      `{"format":"journey-runs-mock/state","version":1,"now":"2026-01-01T00:00:00.000Z","applications":[{"applicationId":${"[".repeat(100_000)}${"]".repeat(100_000)},"journeys":[]}]}`,
    );
    const result = await exitOf(["--data", file]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${file} at /applications/0/applicationId`);
    expect(result.output).not.toMatch(/Maximum call stack|cannot listen/);
  });
});

describe("--data keeps journeys apart whatever their ids hold", () => {
  it('"a\\u0000b"/"c" and "a"/"b\\u0000c" stay two journeys with their own runs', async () => {
    const file = join(dir, "nul-ids.json");
    writeFileSync(
      file,
      state([
        { applicationId: "a\u0000b", journeys: [{ journeyId: "c", runs: [run(0)] }] },
        { applicationId: "a", journeys: [{ journeyId: "b\u0000c", runs: [run(1), run(2)] }] },
      ]),
    );
    const mock = await startMockChild(["--quiet", "--data", file]);
    try {
      const dump = (await controlCall(mock.url, "GET", "/state")).json as unknown as {
        applications: { applicationId: string; journeys: { journeyId: string; runs: unknown[] }[] }[];
      };
      const sizes = dump.applications.flatMap((app) =>
        app.journeys.map(
          (journey) =>
            `${JSON.stringify(app.applicationId)}/${JSON.stringify(journey.journeyId)}:${journey.runs.length}`,
        ),
      );
      expect(sizes).toContain('"a\\u0000b"/"c":1');
      expect(sizes).toContain('"a"/"b\\u0000c":2');
    } finally {
      mock.child.kill("SIGKILL");
    }
  });
});
