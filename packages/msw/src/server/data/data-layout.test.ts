import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DataFileError } from "./data-errors.js";
import { readData } from "./data-files.js";

const page = (...ids: string[]) =>
  JSON.stringify({
    JourneyRunsResponse: {
      Item: ids.map((id) => ({
        RunId: id,
        Status: "COMPLETED",
        CreationTime: "2025-01-01T00:00:00.000Z",
        LastUpdateTime: "2025-01-01T00:01:00.000Z",
      })),
    },
  });

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A --data folder with `files` (path under it -> content). */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "jrm-data-"));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const refusal = (run: () => unknown): DataFileError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  throw new Error("expected a DataFileError");
};

describe("--data pages and the <application-id>/<journey-id>/ layout", () => {
  test("a page two folders down loads; the summary counts applications, journeys, runs and files", () => {
    const root = folder({
      "app1/journey1/page-1.json": page("r1", "r2"),
      "app1/journey1/page-2.json": page("r3"),
      "app1/journey2/page-1.json": page("r4"),
      "app2/journey1/page-1.json": page("r5"),
    });
    expect(readData([root]).summary).toEqual({ applications: 2, journeys: 3, runs: 5, files: 4 });
  });

  test.each([
    ["one folder down (the application folder left out)", "journey1/page-1.json", 1],
    ["in the --data folder itself", "page-1.json", 0],
  ])("a page %s is refused with an error naming the file", (_where, path, depth) => {
    const root = folder({ [path]: page("r1") });
    const error = refusal(() => readData([root]));
    expect(error.message).toContain(join(root, path));
    expect(error.message).toContain(`${depth} folder(s) down instead of 2`);
  });

  test("a page given as a file is named by the two folders that hold it", () => {
    const root = folder({ "app1/journey1/page-1.json": page("r1") });
    const { checked } = readData([join(root, "app1/journey1/page-1.json")]);
    expect(checked.applications.map((app) => [app.applicationId, app.journeys[0]?.journeyId])).toEqual([
      ["app1", "journey1"],
    ]);
  });
});
