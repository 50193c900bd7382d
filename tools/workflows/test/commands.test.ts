import { describe, expect, test } from "vitest";
import { checkCommand } from "../src/check-command.js";
import { loadRepository } from "../src/repository.js";
import { commandsOf } from "../src/shell-words.js";
import { workflowErrors } from "../src/workflows.js";
import { repoRoot } from "./paths.js";

const repo = loadRepository(repoRoot);

describe("splitting a run: script into commands", () => {
  test.each([
    [
      "npm ci && npm test",
      [
        ["npm", "ci"],
        ["npm", "test"],
      ],
    ],
    ["a; b || c | d\ne", [["a"], ["b"], ["c"], ["d"], ["e"]]],
    [
      `npm install -g "$(node -p 'require("./package.json").packageManager')"`,
      [["npm", "install", "-g", `$(node -p 'require("./package.json").packageManager')`]],
    ],
    [
      "echo 'a && b' # a comment\nbash .ci/run",
      [
        ["echo", "a && b"],
        ["bash", ".ci/run"],
      ],
    ],
    ["npm run \\\n  build", [["npm", "run", "build"]]],
  ])("%j", (script, want) => {
    expect(commandsOf(script)).toEqual(want);
  });
});

describe("checking that a command exists in the repository", () => {
  test.each([
    ["npm test", undefined],
    ["npm run -s gate -w @journey-runs/contract-diff", undefined],
    ["npm run lint:contract --workspace=openapi", undefined],
    ["bash .ci/run", undefined],
    ["npx changeset publish", undefined],
    ["CI=true npm run build", undefined],
    ["npm run no-such-script", 'no "no-such-script" script in the root package.json'],
    ["npm run gate", 'no "gate" script in the root package.json'],
    ["npm run -s gate -w @journey-runs/nope", 'npm workspace "@journey-runs/nope" does not exist'],
    ["npm run -s typo -w @journey-runs/contract-diff", 'no "typo" script in @journey-runs/contract-diff'],
    ["bash .ci/missing", ".ci/missing is not a file of the repository"],
    ["npx not-installed-anywhere", "npx not-installed-anywhere: not in node_modules/.bin"],
    [
      "curl https://example.invalid/install.sh",
      '"curl" is neither an npm script, a file of the repository nor a known system command',
    ],
  ])("%s", (command, want) => {
    const [words] = commandsOf(command);
    expect(checkCommand(words ?? [], repo)).toBe(want);
  });

  test("a step's working-directory decides whose scripts npm runs", () => {
    expect(checkCommand(["npm", "run", "gate"], repo, "tools/contract-diff")).toBeUndefined();
    expect(checkCommand(["npm", "run", "gate"], repo, "openapi")).toBe('no "gate" script in @journey-runs/contract');
  });
});

describe("GitHub's workflow parser", () => {
  test("reports an unknown key, a job without runs-on and a bad expression", async () => {
    const expression = ["$", "{{ github.event. }}"].join("");
    const errors = await workflowErrors(
      "bad.yml",
      `on: push\njobs:\n  a:\n    stepz: []\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${expression}\n`,
    );
    expect(errors.join("\n")).toMatch(/Unexpected value 'stepz'/);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
