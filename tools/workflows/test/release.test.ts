import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadRepository } from "../src/repository.js";
import { repoRoot } from "./paths.js";

const repo = loadRepository(repoRoot);
const publishable = repo.workspaces.filter((w) => !w.private);
const changesets = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8")) as {
  fixed: string[][];
  ignore: string[];
};

/** npm's own settings only: the ones npm passes to scripts (npm_config_*) must not change what is tested. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));

/**
 * `npm publish --dry-run` as the release runs it, against a registry that is not there: npm packs the package, runs
 * its publish scripts and reports the tarball, and the one request it makes (is the version taken?) fails at once
 * instead of reaching npm. Nothing is uploaded, here or anywhere.
 */
function publishDryRun(dir: string) {
  const registry = "http://127.0.0.1:9/";
  const result = spawnSync(
    "npm",
    [
      "publish",
      "--dry-run",
      "--json",
      `--registry=${registry}`,
      "--//127.0.0.1:9/:_authToken=dry-run",
      "--fetch-retries=0",
    ],
    { cwd: join(repoRoot, dir), encoding: "utf8", env },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * npm's warnings, less one it gives for a harmless spelling: a `bin` path written `./dist/x.js` is "auto-corrected"
 * to `dist/x.js` with the words "was invalid and removed", though the command is kept. Such a line is accepted only
 * when the package.json says exactly `./` + the corrected path, and it is printed so that someone fixes the spelling.
 */
function unexplainedWarnings(stderr: string, dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as {
    bin?: Record<string, string>;
  };
  const warnings = stderr.split("\n").filter((line) => /^npm warn/i.test(line));
  const renamedBins = warnings.flatMap((line) => {
    const match = /"bin\[([^\]]+)\]" script name (\S+) was invalid and removed/.exec(line);
    return match && manifest.bin?.[match[1] ?? ""] === `./${match[2]}` ? [line] : [];
  });
  if (renamedBins.length > 0) {
    console.warn(
      `${dir}: npm rewrites a bin path that starts with ./ (write it without ./ in package.json):\n${renamedBins.join("\n")}`,
    );
    return warnings.filter(
      (line) => !/auto-corrected some errors|errors corrected:|was invalid and removed/.test(line),
    );
  }
  return warnings;
}

describe("what the release would publish", () => {
  test("exactly the three public packages, which are the changesets' fixed group", () => {
    expect(publishable.map((w) => w.name)).toEqual([
      "@journey-runs/client",
      "@journey-runs/msw",
      "@journey-runs/types",
    ]);
    expect([...(changesets.fixed[0] ?? [])].sort()).toEqual(publishable.map((w) => w.name));
  });

  test("every other workspace is private and ignored by changesets, so it is never versioned or published", () => {
    const internal = repo.workspaces.filter((w) => w.private).map((w) => w.name);
    expect(internal.length).toBeGreaterThan(0);
    expect([...changesets.ignore].sort()).toEqual(expect.arrayContaining(internal));
  });

  test("in lock step: the three have one version", () => {
    const versions = new Set(publishable.map((w) => w.version));
    expect(versions.size).toBe(1);
    expect([...versions][0]).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });

  test.each(publishable.map((w) => [w.name, w] as const))("npm publish --dry-run of %s is clean", (name, workspace) => {
    const run = publishDryRun(workspace.path);
    expect(run.stderr).not.toMatch(/npm error/i);
    expect(unexplainedWarnings(run.stderr, workspace.path)).toEqual([]);
    expect(run.status).toBe(0);
    const report = (JSON.parse(run.stdout) as Record<string, { id: string; files: { path: string }[] }>)[name];
    expect(report?.id).toBe(`${name}@${workspace.version}`);
    const files = report?.files.map((f) => f.path) ?? [];
    expect(files).toContain("package.json");
    // Built before the test (turbo's test task depends on the packages' build): a tarball without dist is broken.
    expect(files.some((path) => path.startsWith("dist/") && path.endsWith(".js"))).toBe(true);
  });
});
