import { describe, expect, test } from "vitest";
import { checkPackFiles, promisedFiles } from "./pack.js";

describe("checkPackFiles", () => {
  test.each([
    ["package.json"],
    ["README.md"],
    ["LICENSE"],
    ["dist/index.js"],
    ["dist/index.d.ts"],
    ["dist/index.d.ts.map"],
    ["dist/server/cli.js.map"],
    ["dist/generated/contract.json"],
    ["bin/journey-runs-mock.js"],
  ])("lets %s through", (path) => {
    expect(checkPackFiles([path])).toEqual([]);
  });

  test.each([
    ["src/index.ts", /not something a user needs/],
    ["src/generated/schema.ts", /not something a user needs/],
    ["dist/index.test.js", /a test is not for users/],
    ["dist/types.test-d.d.ts", /a test is not for users/],
    ["test/client.test.ts", /a test folder is not for users/],
    ["dist/test/fixtures/page.json", /a test folder is not for users/],
    ["dist/fixtures/page.json", /a test fixture is not for users/],
    ["bench/run.ts", /a benchmark is not for users/],
    ["dist/bench/run.js", /a benchmark is not for users/],
    ["tsconfig.build.json", /not something a user needs/],
    ["dist/tsconfig.tsbuildinfo", /a TypeScript build cache/],
    ["vitest.config.ts", /not something a user needs/],
    ["bin/nested/cli.js", /not something a user needs/],
  ])("flags %s", (path, reason) => {
    const problems = checkPackFiles([path]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(reason);
  });
});

describe("promisedFiles", () => {
  test("lists every file that exports, types and bin point to", () => {
    expect(
      promisedFiles({
        exports: {
          ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
          "./server": { types: "./dist/server/index.d.ts", default: "./dist/server/index.js" },
          "./package.json": "./package.json",
        },
        types: "./dist/index.d.ts",
        bin: { "journey-runs-mock": "./dist/server/cli.js" },
      }),
    ).toEqual([
      "dist/index.d.ts",
      "dist/index.js",
      "dist/server/cli.js",
      "dist/server/index.d.ts",
      "dist/server/index.js",
    ]);
  });

  test("reads main and types written without ./", () => {
    expect(promisedFiles({ main: "dist/index.js", types: "dist/index.d.ts" })).toEqual([
      "dist/index.d.ts",
      "dist/index.js",
    ]);
  });
});
