import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { changed, contractText } from "./fixtures.js";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "cli.ts");
const work = mkdtempSync(join(tmpdir(), "contract-diff-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const packageDir = join(dirname(cli), "..");

/** Runs the command as npm would: in the package's folder, with INIT_CWD set to where the user stands. */
function run(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, ["--import", "tsx", cli, ...args], {
    cwd: packageDir,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const breaking = changed((c) => {
  delete c.components.schemas.JourneyRunsResponse.properties.NextToken;
  c.paths["/v1/apps/{application-id}/journeys/{journey-id}/runs"].get.parameters.push({
    name: "region",
    in: "query",
    required: true,
    schema: { type: "string" },
  });
});
const described = changed((c) => (c.info.description = "Only the prose changed."));

describe("contract-diff command", () => {
  test("a removed NextToken and a new required parameter exit 1 and are listed as breaking", () => {
    const { status, out } = run(["--base", file("base.yaml", contractText), "--head", file("head.yaml", breaking)]);
    expect(status).toBe(1);
    expect(out).toMatch(/^BREAKING: 2 change\(s\)/m);
    expect(out).toContain("body.NextToken: field removed");
    expect(out).toContain("query region: new required parameter");
  });

  test("a description-only change exits 0 and is listed as an edit", () => {
    const { status, out } = run(["--base", file("base.yaml", contractText), "--head", file("prose.yaml", described)]);
    expect(status).toBe(0);
    expect(out).toContain("Not breaking");
    expect(out).toContain("~ /info/description");
  });

  test("compares the working tree with a git ref of a repository it makes itself", async () => {
    const repo = join(work, "repo");
    await mkdir(join(repo, "openapi"), { recursive: true });
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], { cwd: repo });
    git("init", "-q");
    writeFileSync(join(repo, "openapi", "journey-runs.yaml"), contractText);
    git("add", ".");
    git("commit", "-q", "-m", "contract");
    writeFileSync(join(repo, "openapi", "journey-runs.yaml"), breaking);
    const result = run(["HEAD", "--json"], repo);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ before: "HEAD", after: "working tree", breaking: true });
  });

  test("an unknown ref exits 2 with a message that says what to check", () => {
    const result = run(["no-such-ref", "--repo", join(work, "repo")]);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/Cannot read openapi\/journey-runs\.yaml at "no-such-ref".*Check the ref's name/);
  });

  test("a file that does not exist exits 2 and says where it was looked for", () => {
    const result = run(["--base", "missing.yaml", "--repo", join(work, "repo")], join(work, "repo"));
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/No file missing\.yaml \(looked for .*missing\.yaml and .*missing\.yaml\)/);
  });

  test("no ref and no --base exits 2 with the usage", () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.err).toContain("Give one git ref, or --base <file>.");
  });
});
