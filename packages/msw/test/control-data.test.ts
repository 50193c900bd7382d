import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connectJourneyRunsControl } from "@journey-runs/msw/control";
import { startMockServer } from "@journey-runs/msw/server";
import { afterAll, describe, expect, test } from "vitest";
import { DataFileError } from "../src/server/data/data-errors.js";
import { readDataPaths } from "../src/server/data/data-files.js";

const CAPTURED = fileURLToPath(new URL("./fixtures/captured/", import.meta.url));
const APP = "5cd4ac3de7a14a2ea0e1e0fd0a1f4a55";
const JOURNEY = "0f9d8b7c6a5e4d3c2b1a09f8e7d6c5b4";
const bin = fileURLToPath(new URL("../dist/server/cli.js", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "journey-runs-data-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Page = { JourneyRunsResponse: { Item: unknown[]; NextToken?: string } };
const capturedPages = (): Page[] =>
  readdirSync(join(CAPTURED, APP, JOURNEY))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(CAPTURED, APP, JOURNEY, name), "utf8")) as Page);

/** Writes files under a new scratch folder: `{ "a/b.json": value }`. */
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(scratch, "case-"));
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), typeof value === "string" ? value : JSON.stringify(value));
  }
  return dir;
}

describe("--data", () => {
  test("a folder captured with the AWS CLI is served back page by page, identical in content and order", async () => {
    const server = await startMockServer({ port: 0, data: [CAPTURED] });
    try {
      const served: Page["JourneyRunsResponse"][] = [];
      let token: string | undefined;
      do {
        const query = `page-size=10${token ? `&token=${encodeURIComponent(token)}` : ""}`;
        const response = await fetch(`${server.url}/v1/apps/${APP}/journeys/${JOURNEY}/runs?${query}`);
        expect(response.status).toBe(200);
        const page = (await response.json()) as Page["JourneyRunsResponse"];
        served.push(page);
        token = page.NextToken;
      } while (token);
      const captured = capturedPages();
      expect(served.map((page) => page.Item)).toEqual(captured.map((page) => page.JourneyRunsResponse.Item));
      expect(served.map((page) => page.NextToken === undefined)).toEqual(
        captured.map((page) => page.JourneyRunsResponse.NextToken === undefined),
      );
    } finally {
      await server.close();
    }
  });

  test("the data is part of the creation state: reset returns to it", async () => {
    const server = await startMockServer({ port: 0, control: true, data: [CAPTURED] });
    try {
      const control = connectJourneyRunsControl(server.url);
      await control.removeApplication(APP);
      await control.reset();
      const state = await control.dump();
      expect(state.applications.find((app) => app.applicationId === APP)?.journeys[0]?.runs).toHaveLength(25);
    } finally {
      await server.close();
    }
  });

  test("dumps and captured pages load together; pages are read in numeric file-name order", () => {
    const run = (id: string) => ({
      CreationTime: "2026-01-01T00:00:00.000Z",
      LastUpdateTime: "2026-01-01T00:00:00.000Z",
      RunId: id,
      Status: "COMPLETED",
    });
    const dir = folder({
      "state.json": {
        format: "journey-runs-mock/state",
        version: 1,
        now: "2026-03-01T00:00:00.000Z",
        applications: [{ applicationId: "d", journeys: [{ journeyId: "j", runs: [run("d1")] }] }],
      },
      "app/journey/page-10.json": { JourneyRunsResponse: { Item: [run("third")] } },
      "app/journey/page-2.json": {
        JourneyRunsResponse: { Item: [run("second")], NextToken: "x" },
        ResponseMetadata: { HTTPStatusCode: 200 },
      },
      "app/journey/page-1.json": { JourneyRunsResponse: { Item: [run("first")], NextToken: "x" } },
      "app/journey/notes.txt": "not data",
    });
    const checked = readDataPaths([dir]);
    expect(new Date(checked.now).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(
      checked.applications.map((app) => [
        app.applicationId,
        app.journeys.map((j) => j.runs.wire().map((r) => r.RunId)),
      ]),
    ).toEqual([
      ["app", [["first", "second", "third"]]],
      ["d", [["d1"]]],
    ]);
  });

  const good = {
    CreationTime: "2026-01-01T00:00:00.000Z",
    LastUpdateTime: "2026-01-01T00:00:00.000Z",
    RunId: "r",
    Status: "RUNNING",
  };
  test.each([
    ["not JSON", "{", "", /expected JSON/],
    [
      "a page with a bad status",
      { JourneyRunsResponse: { Item: [good, { ...good, RunId: "s", Status: "DONE" }] } },
      "/JourneyRunsResponse/Item/1/Status",
      /expected one of SCHEDULED, RUNNING, COMPLETED, CANCELLED; got "DONE"/,
    ],
    [
      "a page with a bad time",
      { JourneyRunsResponse: { Item: [{ ...good, CreationTime: "yesterday" }] } },
      "/JourneyRunsResponse/Item/0/CreationTime",
      /ISO 8601/,
    ],
    [
      "a run with an extra field",
      { JourneyRunsResponse: { Item: [{ ...good, Extra: 1 }] } },
      "/JourneyRunsResponse/Item/0/Extra",
      /no other field/,
    ],
    [
      "a run id twice",
      { JourneyRunsResponse: { Item: [good, good] } },
      "/JourneyRunsResponse/Item/1/RunId",
      /expected a RunId not used before in this journey; got "r"/,
    ],
    [
      "Item that is not a list",
      { JourneyRunsResponse: { Item: {} } },
      "/JourneyRunsResponse/Item",
      /expected a list of runs/,
    ],
    [
      "a __proto__ key",
      '{"JourneyRunsResponse":{"Item":[],"__proto__":{"x":1}}}',
      "/JourneyRunsResponse/__proto__",
      /expected only Item and NextToken/,
    ],
    [
      "a __proto__ key in a run",
      '{"JourneyRunsResponse":{"Item":[{"__proto__":{"x":1}}]}}',
      "/JourneyRunsResponse/Item/0/__proto__",
      /no other field/,
    ],
    ["neither a dump nor a page", { Items: [] }, "", /expected a state dump .* or a captured page/],
    [
      "a dump of another version",
      { format: "journey-runs-mock/state", version: 2, now: "2026-01-01T00:00:00Z", applications: [] },
      "/version",
      /expected 1/,
    ],
  ])("%s: an error names the file, the JSON pointer and what was expected", (_what, content, pointer, message) => {
    const dir = folder({
      "ok/journey/page-1.json": { JourneyRunsResponse: { Item: [{ ...good, RunId: "fine" }] } },
      "app/journey/page-1.json": content,
    });
    const error = (() => {
      try {
        readDataPaths([dir]);
      } catch (e) {
        return e;
      }
    })() as DataFileError;
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.file).toBe(join(dir, "app/journey/page-1.json"));
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
  });

  test("bounds: files, bytes and runs", () => {
    const dir = folder({
      "a/j/1.json": { JourneyRunsResponse: { Item: [good] } },
      "a/j/2.json": { JourneyRunsResponse: { Item: [{ ...good, RunId: "s" }] } },
    });
    expect(() => readDataPaths([dir], { maxFiles: 1, maxFileBytes: 1e6, maxRuns: 10 })).toThrow(
      /more than 1 data files/,
    );
    expect(() => readDataPaths([dir], { maxFiles: 10, maxFileBytes: 10, maxRuns: 10 })).toThrow(/over the limit of 10/);
    expect(() => readDataPaths([dir], { maxFiles: 10, maxFileBytes: 1e6, maxRuns: 1 })).toThrow(/more than 1 runs/);
    expect(() => readDataPaths([join(dir, "missing")])).toThrow(/exists/);
    const deep = folder({ "a/b/c/1.json": { JourneyRunsResponse: { Item: [] } } });
    expect(() => readDataPaths([deep])).toThrow(/expected no folder here/);
  });

  test("the bin does not start on half the data: it names the file and exits 1", () => {
    const dir = folder({
      "a/j/1.json": { JourneyRunsResponse: { Item: [good] } },
      "a/j/2.json": { JourneyRunsResponse: { Item: [{ ...good, Status: 7 }] } },
    });
    const run = spawnSync(process.execPath, [bin, "--port", "0", "--data", dir], { encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(join(dir, "a/j/2.json"));
    expect(run.stderr).toContain("/JourneyRunsResponse/Item/0/Status");
  });
});
