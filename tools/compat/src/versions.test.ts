import { describe, expect, test } from "vitest";
import { plannedVersions } from "./versions.js";

const current = new Map([
  ["@journey-runs/types", "0.1.0"],
  ["@journey-runs/client", "0.1.0"],
]);

describe("plannedVersions", () => {
  test("keeps the current versions when no changeset is pending", () => {
    expect(plannedVersions(current, [])).toEqual(current);
  });

  test("takes the planned version of each package a changeset bumps, and ignores other packages", () => {
    const planned = plannedVersions(current, [
      { name: "@journey-runs/types", newVersion: "0.2.0" },
      { name: "@journey-runs/client", newVersion: "0.2.0" },
      { name: "@journey-runs/viewer", newVersion: "9.9.9" },
    ]);
    expect([...planned]).toEqual([
      ["@journey-runs/types", "0.2.0"],
      ["@journey-runs/client", "0.2.0"],
    ]);
  });
});
