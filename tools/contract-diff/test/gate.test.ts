import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { breakingChangeLabel, runGate } from "../src/gate.js";
import { baseCommit } from "../src/gate-base.js";
import { GateEventError, maxEventBytes, readPullRequestEvent } from "../src/pull-request-event.js";
import { changed, contractText } from "./fixtures.js";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "gate-cli.ts");
const work = mkdtempSync(join(tmpdir(), "contract-gate-"));
const repo = join(work, "repo");
const contractFile = join(repo, "openapi", "journey-runs.yaml");
let baseSha = "";
afterAll(() => rmSync(work, { recursive: true, force: true }));

const breaking = changed((c) => {
  delete c.components.schemas.JourneyRunsResponse.properties.NextToken;
});
const prose = changed((c) => (c.info.description = "Only the prose changed."));

/** A repository whose one commit holds the real contract: the pull request's base. */
beforeAll(() => {
  mkdirSync(dirname(contractFile), { recursive: true });
  const git = (...args: string[]) =>
    spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], {
      cwd: repo,
      encoding: "utf8",
    });
  git("init", "-q");
  writeFileSync(contractFile, contractText);
  git("add", ".");
  git("commit", "-q", "-m", "base");
  baseSha = git("rev-parse", "HEAD").stdout.trim();
});

/** A fake `pull_request` event payload, shaped as GitHub writes it, saved to a file. */
function event(labels: string[], sha = baseSha): string {
  const path = join(work, `event-${labels.join("+") || "none"}-${sha.slice(0, 6)}.json`);
  const payload = {
    action: "labeled",
    pull_request: { number: 7, base: { sha, ref: "main" }, labels: labels.map((name) => ({ name })) },
  };
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

function gate(head: string, labels: string[]) {
  writeFileSync(contractFile, head);
  return runGate(readPullRequestEvent(event(labels)), repo);
}

describe("the breaking-change gate", () => {
  test("a breaking change without the label fails, and the summary says which label lets it through", () => {
    const outcome = gate(breaking, ["documentation"]);
    expect(outcome).toMatchObject({ verdict: "breaking", exitCode: 1 });
    expect(outcome.report).toContain("body.NextToken: field removed");
    expect(outcome.summary).toMatch(/^### ❌ Contract: breaking change/);
    expect(outcome.summary).toContain(`\`${breakingChangeLabel}\` label`);
    expect(outcome.summary).toContain("body.NextToken: field removed");
  });

  test(`a breaking change with the ${breakingChangeLabel} label passes, and says it was accepted`, () => {
    const outcome = gate(breaking, ["documentation", breakingChangeLabel]);
    expect(outcome).toMatchObject({ verdict: "accepted", exitCode: 0 });
    expect(outcome.summary).toMatch(/^### ⚠️ Contract: breaking change, accepted/);
    expect(outcome.summary).toContain("BREAKING: 1 change(s)");
  });

  test("a documentation-only change passes without any label", () => {
    const outcome = gate(prose, []);
    expect(outcome).toMatchObject({ verdict: "not-breaking", exitCode: 0 });
    expect(outcome.summary).toContain("~ /info/description");
  });

  test("the command exits 1 on a breaking change and appends its summary to GITHUB_STEP_SUMMARY", () => {
    writeFileSync(contractFile, breaking);
    const summary = join(work, "summary.md");
    writeFileSync(summary, "earlier step\n");
    const result = spawnSync(process.execPath, ["--import", "tsx", cli], {
      cwd: join(cli, "..", ".."),
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: repo, GITHUB_EVENT_PATH: event([]), GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("contract gate: breaking (fails the check)");
    const written = readFileSync(summary, "utf8");
    expect(written.startsWith("earlier step\n### ❌ Contract: breaking change")).toBe(true);
  });

  test("the command exits 2, in the log and the summary, when the base commit is not in the clone", () => {
    const summary = join(work, "summary-missing.md");
    const result = spawnSync(process.execPath, ["--import", "tsx", cli], {
      cwd: join(cli, "..", ".."),
      encoding: "utf8",
      env: {
        ...process.env,
        INIT_CWD: repo,
        GITHUB_EVENT_PATH: event([], "a".repeat(40)),
        GITHUB_STEP_SUMMARY: summary,
      },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("fetch it first");
    expect(readFileSync(summary, "utf8")).toContain("the gate could not compare");
  });
});

describe("the base the gate compares with", () => {
  test("is the merge commit's first parent, not a stale payload base: main's own breaking change is not the PR's", () => {
    const merged = join(work, "merged");
    mkdirSync(join(merged, "openapi"), { recursive: true });
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], {
        cwd: merged,
        encoding: "utf8",
      }).stdout.trim();
    const file = join(merged, "openapi", "journey-runs.yaml");
    git("init", "-q", "-b", "main");
    writeFileSync(file, contractText);
    git("commit", "-q", "--allow-empty", "-m", "root");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    const staleBase = git("rev-parse", "HEAD");
    git("checkout", "-q", "-b", "pr");
    writeFileSync(file, prose);
    git("commit", "-q", "-am", "the pull request: prose only");
    const head = git("rev-parse", "HEAD");
    git("checkout", "-q", "main");
    // main moves on after the pull request was opened, with a breaking change of its own (reviewed elsewhere).
    writeFileSync(
      file,
      changed((c) => delete c.components.schemas.JourneyRunsResponse.properties.NextToken),
    );
    git("commit", "-q", "-am", "main: breaking, in its own pull request");
    const mergedBreaking = changed((c) => {
      delete c.components.schemas.JourneyRunsResponse.properties.NextToken;
      c.info.description = "Only the prose changed.";
    });
    git("merge", "-q", "--no-ff", "--no-commit", "pr");
    writeFileSync(file, mergedBreaking);
    git("add", ".");
    git("commit", "-q", "-m", "GitHub's merge commit");
    const event = { baseSha: staleBase, headSha: head, labels: [] };
    expect(baseCommit(merged, event)).toEqual({ sha: git("rev-parse", "HEAD^1"), from: "merge parent" });
    expect(runGate(event, merged)).toMatchObject({ verdict: "not-breaking", exitCode: 0 });
    // Without the head's sha the merge cannot be recognised: the payload's (stale) base is used.
    expect(runGate({ baseSha: staleBase, labels: [] }, merged)).toMatchObject({ verdict: "breaking" });
  });
});

describe("reading the pull_request event payload", () => {
  const write = (name: string, text: string) => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };
  const codeOf = (path: string) => {
    try {
      readPullRequestEvent(path);
    } catch (error) {
      expect(error).toBeInstanceOf(GateEventError);
      return (error as GateEventError).code;
    }
    return "no error";
  };

  test.each([
    ["no file", join(work, "none.json"), "EVENT_MISSING"],
    ["not JSON", "not-json.json", "EVENT_NOT_JSON"],
    ["a push event", "push.json", "NOT_A_PULL_REQUEST"],
    ["a base sha that is an option", "option.json", "BAD_BASE_SHA"],
    ["a base sha that is a ref expression", "ref.json", "BAD_BASE_SHA"],
  ])("rejects %s with a typed error", (_, name, code) => {
    const contents: Record<string, string> = {
      "not-json.json": "{",
      "push.json": JSON.stringify({ ref: "refs/heads/main", after: "b".repeat(40) }),
      "option.json": JSON.stringify({ pull_request: { base: { sha: "--output=/tmp/x" } } }),
      "ref.json": JSON.stringify({ pull_request: { base: { sha: "HEAD~1" } } }),
    };
    const path = name.startsWith("/") ? name : write(name, contents[name] ?? "");
    expect(codeOf(path)).toBe(code);
  });

  test("rejects a payload larger than any GitHub sends, without parsing it", () => {
    const path = write("huge.json", " ".repeat(maxEventBytes + 1));
    expect(codeOf(path)).toBe("EVENT_TOO_LARGE");
  });

  test("keeps only the string names of labels, whatever else the list holds", () => {
    const path = write(
      "labels.json",
      JSON.stringify({
        pull_request: { base: { sha: "c".repeat(40) }, labels: [{ name: "a" }, null, { name: 3 }, "b", { name: "c" }] },
      }),
    );
    expect(readPullRequestEvent(path)).toEqual({ baseSha: "c".repeat(40), headSha: undefined, labels: ["a", "c"] });
  });
});
