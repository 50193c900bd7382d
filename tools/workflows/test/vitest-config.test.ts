import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { junitFile, withCiReporters } from "../src/vitest-config.mjs";

const fixture = fileURLToPath(new URL("./fixtures/junit/", import.meta.url));

describe("the shared vitest defineConfig", () => {
  test("in GitHub Actions adds the default, github-actions and junit reporters, keeping the rest", () => {
    const config = withCiReporters(
      { test: { include: ["x"], outputFile: { json: "a.json" } } },
      { GITHUB_ACTIONS: "true" },
    );
    expect(config.test).toEqual({
      include: ["x"],
      reporters: ["default", "github-actions", "junit"],
      outputFile: { json: "a.json", junit: junitFile },
    });
    expect(junitFile).toMatch(/^test-results\/junit-node\d+(-msw3)?\.xml$/);
  });

  test("elsewhere, or when a config names its reporters, changes nothing", () => {
    const config = { test: { include: ["x"] } };
    expect(withCiReporters(config, {})).toBe(config);
    const own = { test: { reporters: ["dot"] } };
    expect(withCiReporters(own, { GITHUB_ACTIONS: "true" })).toBe(own);
  });

  test("a real vitest run with GITHUB_ACTIONS=true writes a JUnit report that names the test", () => {
    const report = join(fixture, junitFile);
    rmSync(join(fixture, "test-results"), { recursive: true, force: true });
    const vitest = join(fileURLToPath(new URL("../../../node_modules/vitest/vitest.mjs", import.meta.url)));
    const run = spawnSync(process.execPath, [vitest, "run", "--root", fixture], {
      cwd: fixture,
      encoding: "utf8",
      env: { ...process.env, GITHUB_ACTIONS: "true", CI: "true" },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(report)).toBe(true);
    const xml = readFileSync(report, "utf8");
    rmSync(join(fixture, "test-results"), { recursive: true, force: true });
    expect(xml).toContain('<testcase classname="sample.check.ts" name="a passing case that the JUnit report lists"');
    expect(xml).toMatch(/<testsuites [^>]*tests="1" failures="0"/);
  });
});
