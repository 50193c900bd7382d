import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import getReleasePlan from "@changesets/get-release-plan";
import { describe, expect, test } from "vitest";
import { publicPackages, repoRoot } from "../src/paths.js";
import { contractVersion, packageVersions, plannedVersions } from "../src/versions.js";

const config = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8")) as {
  fixed: string[][];
  ignore: string[];
  access: string;
};

function workspaces(): { name: string; private: boolean }[] {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { workspaces: string[] };
  return root.workspaces.flatMap((pattern) => {
    const dirs = pattern.endsWith("/*")
      ? readdirSync(join(repoRoot, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(pattern.slice(0, -2), entry.name))
      : [pattern];
    return dirs.flatMap((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8"));
        return [{ name: String(manifest.name), private: manifest.private === true }];
      } catch {
        return [];
      }
    });
  });
}

describe("versioning policy (docs/decisions/0007-versioning.md)", () => {
  test("the public packages, after the pending changesets, carry the contract's info.version", async () => {
    const plan = await getReleasePlan(repoRoot);
    const planned = plannedVersions(packageVersions(), plan.releases);
    const version = contractVersion();
    for (const pkg of publicPackages) {
      expect(planned.get(pkg.name), `${pkg.name} should release as the contract's info.version ${version}`).toBe(
        version,
      );
    }
  });

  test("changesets moves the three public packages together, publicly", () => {
    expect(config.fixed).toEqual([publicPackages.map((p) => p.name)]);
    expect(config.access).toBe("public");
    const publicNames = workspaces()
      .filter((w) => !w.private)
      .map((w) => w.name);
    expect(publicNames.sort()).toEqual(publicPackages.map((p) => p.name).sort());
  });

  test("changesets ignores every private workspace", () => {
    const privateNames = workspaces()
      .filter((w) => w.private)
      .map((w) => w.name);
    expect(privateNames.length).toBeGreaterThan(0);
    expect([...config.ignore].sort()).toEqual(privateNames.sort());
  });
});
