import { describe, expect, test } from "vitest";
import { importedNames, missingExports } from "./imported-names.js";

describe("importedNames", () => {
  test("reads named, type and renamed imports, across lines, from our packages only", () => {
    const text = [
      'import { createJourneyRunsMock, type JourneyRunsMock } from "@journey-runs/msw";',
      "import type {\n  JourneyRun,\n  JourneyRunStatus as Status,\n} from '@journey-runs/types';",
      'import { setupServer } from "msw/node";',
      'From code: `import { startMockServer } from "@journey-runs/msw/server"`.',
    ].join("\n");
    expect(importedNames(text)).toEqual([
      { specifier: "@journey-runs/msw", name: "createJourneyRunsMock" },
      { specifier: "@journey-runs/msw", name: "JourneyRunsMock" },
      { specifier: "@journey-runs/types", name: "JourneyRun" },
      { specifier: "@journey-runs/types", name: "JourneyRunStatus" },
      { specifier: "@journey-runs/msw/server", name: "startMockServer" },
    ]);
  });
});

describe("missingExports", () => {
  const exports = new Map([
    ["@journey-runs/msw", new Set(["createJourneyRunsMock"])],
    ["@journey-runs/gone", undefined],
  ]);

  test("names an export that no longer exists, and an entry point that does not resolve", () => {
    const names = importedNames(
      'import { createJourneyRunsMock, createOldMock } from "@journey-runs/msw";\nimport { x } from "@journey-runs/gone";',
    );
    expect(missingExports(names, exports)).toEqual([
      '"@journey-runs/msw" does not export createOldMock',
      '"@journey-runs/gone" is not an entry point of a built package',
    ]);
  });

  test("is empty when every name exists", () => {
    expect(missingExports(importedNames('import { createJourneyRunsMock } from "@journey-runs/msw"'), exports)).toEqual(
      [],
    );
  });
});
