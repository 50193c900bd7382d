import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { publicPackages, repoRoot } from "../src/paths.js";

const msw = publicPackages.find((p) => p.name === "@journey-runs/msw") as (typeof publicPackages)[number];
const manifest = JSON.parse(readFileSync(join(msw.dir, "package.json"), "utf8")) as { bin: Record<string, string> };
const shim = manifest.bin["journey-runs-mock"] as string;
const work = mkdtempSync(join(tmpdir(), "journey-runs-bin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the journey-runs-mock bin (docs/decisions/0014-bundled-dist.md)", () => {
  test("points at a committed file, so that npm ci links it before anything is built", () => {
    expect(shim).not.toMatch(/^(\.\/)?dist\//);
    const tracked = spawnSync("git", ["ls-files", "--error-unmatch", shim], { cwd: msw.dir, encoding: "utf8" });
    expect(tracked.status, `${shim} should be committed`).toBe(0);
  });

  test("says what to do when dist/ is not built, instead of a stack trace", () => {
    mkdirSync(join(work, "bin"));
    writeFileSync(join(work, "package.json"), '{ "type": "module" }');
    copyFileSync(join(msw.dir, shim), join(work, shim));
    const run = spawnSync(process.execPath, [join(work, shim), "--help"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is missing: @journey-runs\/msw is not built\. .*run `npm run build` first/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("runs from the repository root with npx, without asking the registry", () => {
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const run = spawnSync(npx, ["--no", "--", "journey-runs-mock", "--help"], { cwd: repoRoot, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: journey-runs-mock/);
  });
});
