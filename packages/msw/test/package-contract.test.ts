import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { USAGE } from "../src/server/cli-options.js";

const packageDir = new URL("..", import.meta.url);
const CONTRACT = "openapi/journey-runs-mock-control.yaml";

/** The tarball's paths as `npm pack` makes them, its prepack script included (as `npm publish` runs it). */
function packed(): string[] {
  const result = spawnSync("npm", ["pack", "--dry-run", "--json"], { cwd: packageDir, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  const [report] = JSON.parse(result.stdout.slice(result.stdout.indexOf("["))) as { files: { path: string }[] }[];
  return (report?.files ?? []).map((file) => file.path);
}

describe("the control contract in the npm package", () => {
  const files = packed();

  test("the tarball holds the control contract, the same as the repository's", () => {
    expect(files).toContain(CONTRACT);
    const shipped = readFileSync(new URL(CONTRACT, packageDir), "utf8");
    expect(shipped).toBe(readFileSync(new URL(`../../../${CONTRACT}`, import.meta.url), "utf8"));
  });

  test("--help, the README and the control-plane guide name a path the tarball holds", () => {
    for (const text of [
      USAGE,
      readFileSync(new URL("README.md", packageDir), "utf8"),
      readFileSync(new URL("docs/control-plane.md", packageDir), "utf8"),
    ]) {
      const named = text.match(/[\w./-]*journey-runs-mock-control\.yaml/g) ?? [];
      expect(named.length).toBeGreaterThan(0);
      for (const path of named) expect(files).toContain(path);
    }
  });
});
