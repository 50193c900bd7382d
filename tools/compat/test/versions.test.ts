import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import getReleasePlan from "@changesets/get-release-plan";
import { describe, expect, test } from "vitest";
import { publicPackages, repoRoot } from "../src/paths.js";
import { contractVersion, packageVersions, plannedVersions } from "../src/versions.js";

const config = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8")) as {
  fixed: string[][];
  ignore: string[];
  updateInternalDependencies: string;
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

  test("the public packages depend on each other at the exact lock-step version, never a range", () => {
    const versions = packageVersions();
    let pins = 0;
    for (const pkg of publicPackages) {
      const manifest = JSON.parse(readFileSync(join(pkg.dir, "package.json"), "utf8")) as Record<string, unknown>;
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
        const deps = (manifest[field] ?? {}) as Record<string, string>;
        for (const [dep, range] of Object.entries(deps)) {
          if (!versions.has(dep)) continue;
          pins += 1;
          expect(range, `${pkg.name} ${field}["${dep}"]`).toBe(versions.get(dep));
        }
      }
    }
    expect(pins, "the client and msw depend on @journey-runs/types").toBeGreaterThanOrEqual(2);
    // `changeset version` rewrites those pins to the new exact version when the fixed group moves.
    expect(config.updateInternalDependencies).toBe("patch");
  });

  test("changesets ignores every private workspace", () => {
    const privateNames = workspaces()
      .filter((w) => w.private)
      .map((w) => w.name);
    expect(privateNames.length).toBeGreaterThan(0);
    expect([...config.ignore].sort()).toEqual(privateNames.sort());
  });
});
