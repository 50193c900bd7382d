import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkCommand } from "../src/check-command.js";
import { loadRepository } from "../src/repository.js";
import { commandsOf } from "../src/shell-words.js";
import { junitFile } from "../src/vitest-config.mjs";
import { readWorkflows, scriptsOf, stepsOf, type WorkflowFile, workflowErrors } from "../src/workflows.js";
import { repoRoot } from "./paths.js";

const workflows = readWorkflows(repoRoot);
const repo = loadRepository(repoRoot);
const byName = (name: string): WorkflowFile => {
  const found = workflows.find((w) => w.name === name);
  if (found === undefined) throw new Error(`.github/workflows/${name} is missing`);
  return found;
};
const runs = (w: WorkflowFile) => stepsOf(w).flatMap((step) => scriptsOf(step));

describe("the GitHub Actions workflows", () => {
  test("are the CI, the contract gate and the release", () => {
    expect(workflows.map((w) => w.name)).toEqual(["ci.yml", "contract-gate.yml", "release.yml"]);
  });

  test.each(workflows.map((w) => [w.name, w] as const))(
    "%s parses without error with GitHub's parser",
    async (_, w) => {
      expect(await workflowErrors(w.name, w.text)).toEqual([]);
    },
  );

  test.each(
    workflows.flatMap((w) =>
      stepsOf(w).flatMap((step) =>
        scriptsOf(step).flatMap((script) =>
          commandsOf(script).map(
            (words) => [`${w.name} ${step.job}#${step.index}: ${words.join(" ")}`, words, step] as const,
          ),
        ),
      ),
    ),
  )("%s exists in the repository", (_, words, step) => {
    expect(checkCommand(words, repo, step.workingDirectory ?? ".")).toBeUndefined();
  });

  test("every action is pinned to a version", () => {
    const uses = workflows.flatMap((w) => stepsOf(w).flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
  });

  test("every workflow grants only read access to the contents, and each job asks for what it needs", () => {
    for (const w of workflows) expect(w.document.permissions, w.name).toEqual({ contents: "read" });
  });
});

describe(".ci/run, which ci.yml runs", () => {
  const script = readFileSync(join(repoRoot, ".ci", "run"), "utf8");
  // A step of .ci/run is `step "<name>" <command...>` (.ci/steps.sh): the command is what follows the name.
  const calls = commandsOf(script)
    .map((words) => (words[0] === "step" ? words.slice(2) : words))
    .filter((words) => (words[0] === "npm" || words[0] === "node") && words.length > 1);

  test.each(calls.map((words) => [words.join(" "), words] as const))("%s exists in the repository", (_, words) => {
    expect(checkCommand(words, repo)).toBeUndefined();
  });

  test("installs from the lockfile, runs npm test, the turbo cache check, the compatibility matrix and the audit", () => {
    expect(calls.map((words) => words.slice(0, 2).join(" "))).toEqual(
      expect.arrayContaining(["node tools/examples/src/locked-install.mjs", "npm test", "npm run"]),
    );
    expect(calls.map((words) => words.join(" "))).toEqual(
      expect.arrayContaining([
        "npm run -s check -w @journey-runs/pipeline-check",
        "npm run compat",
        "npm run -s audit -w @journey-runs/reliability",
      ]),
    );
  });
});

describe("ci.yml", () => {
  const ci = byName("ci.yml");

  test("runs on pull requests and on pushes to main", () => {
    expect(Object.keys(ci.document.on).sort()).toEqual(["pull_request", "push"]);
    expect(ci.document.on.push.branches).toEqual(["main"]);
  });

  test("runs .ci/run, the script every CI of this repository runs, and nothing else of the test suite by itself", () => {
    const commands = runs(ci).flatMap((script) => commandsOf(script));
    expect(commands).toContainEqual(["bash", ".ci/run"]);
    expect(commands.filter((words) => words[0] === "npm" && words[1] !== "install")).toEqual([]);
  });

  test("caches npm's downloads and turbo's local cache", () => {
    const steps = stepsOf(ci);
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with).toMatchObject({ cache: "npm" });
    expect(steps.find((s) => s.uses?.startsWith("actions/cache@"))?.with).toMatchObject({ path: ".turbo/cache" });
  });

  test("uploads the JUnit reports and the contract lint's SARIF, with the permission code scanning needs", () => {
    const steps = stepsOf(ci);
    const sarif = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(sarif?.with?.sarif_file).toBe("openapi/test-results/contract-lint.sarif");
    expect(ci.document.jobs[sarif?.job ?? ""].permissions).toMatchObject({ "security-events": "write" });
    const junit = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(String(junit?.with?.path)).toContain("test-results/junit-node*.xml");
    expect(junitFile).toMatch(/^test-results\/junit-node\d+(-msw3)?\.xml$/);
    // Where lint:contract writes its SARIF by default.
    expect(readFileSync(join(repoRoot, "openapi", "spectral", "cli", "lint-contract.mjs"), "utf8")).toContain(
      'join("test-results", "contract-lint.sarif")',
    );
  });
});

describe("contract-gate.yml", () => {
  const gate = byName("contract-gate.yml");
  const label = /breakingChangeLabel = "([^"]+)"/.exec(
    readFileSync(join(repoRoot, "tools", "contract-diff", "src", "gate.ts"), "utf8"),
  )?.[1];

  test("runs again when a label is added or removed, so that the label can let a breaking change through", () => {
    expect(gate.document.on.pull_request.types).toEqual(
      expect.arrayContaining(["labeled", "unlabeled", "synchronize"]),
    );
  });

  test("fetches the whole history, so that the base commit can be read, then runs the gate", () => {
    expect(stepsOf(gate).find((s) => s.uses?.startsWith("actions/checkout@"))?.with).toMatchObject({
      "fetch-depth": 0,
    });
    expect(runs(gate)).toContain("npm run -s gate -w @journey-runs/contract-diff");
  });

  test("the label is the one the decision and the README name", () => {
    expect(label).toBe("breaking-contract-change");
    expect(readFileSync(join(repoRoot, "docs", "decisions", "0016-ci-on-github.md"), "utf8")).toContain(`\`${label}\``);
    expect(readFileSync(join(repoRoot, "README.md"), "utf8")).toContain(`\`${label}\``);
  });
});

describe("release.yml", () => {
  const release = byName("release.yml");
  const job = Object.values(release.document.jobs)[0] as { permissions: Record<string, string> };
  const changesets = stepsOf(release).find((s) => s.uses?.startsWith("changesets/action@"));

  test("versions with a pull request and publishes with changesets, after a build", () => {
    expect(changesets?.with).toMatchObject({ version: "npx changeset version", publish: "npx changeset publish" });
    expect(runs(release)).toContain("npm run build");
  });

  test("publishes the journey-runs-mock image of the published version, after the npm packages and only then", () => {
    const steps = stepsOf(release);
    const at = (prefix: string) => steps.findIndex((s) => s.uses?.startsWith(prefix));
    const push = steps[at("docker/build-push-action@")];
    expect(at("changesets/action@")).toBeLessThan(at("docker/build-push-action@"));
    expect(push?.with).toMatchObject({ context: ".", file: "container/Dockerfile", push: true });
    expect(String(push?.with?.["build-args"])).toMatch(/^NODE_IMAGE=node:\d+-bookworm-slim$/);
    expect(readFileSync(join(repoRoot, String(push?.with?.file)), "utf8")).toMatch(/^ARG NODE_IMAGE=/m);
    for (const step of steps.filter((s) => s.uses?.startsWith("docker/"))) {
      expect(release.document.jobs.release.steps[step.index].if).toBe("steps.changesets.outputs.published == 'true'");
    }
    expect(String(steps[at("docker/metadata-action@")]?.with?.tags)).toContain(
      "fromJSON(steps.changesets.outputs.publishedPackages)[0].version",
    );
    expect(job.permissions).toMatchObject({ packages: "write" });
  });

  test("publishes with provenance: an OIDC token and NPM_CONFIG_PROVENANCE", () => {
    expect(job.permissions).toMatchObject({ "id-token": "write", contents: "write", "pull-requests": "write" });
    const env = (release.document.jobs.release.steps as { env?: Record<string, string> }[]).find((s) => s.env)?.env;
    expect(env).toMatchObject({ NPM_CONFIG_PROVENANCE: "true" });
  });
});
