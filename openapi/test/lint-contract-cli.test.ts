import type { Ruleset } from "@stoplight/spectral-core";
import { beforeAll, describe, expect, test } from "vitest";
import { lintContractScript, runLintContract } from "./support/cli.js";
import { brokenContract, readContract } from "./support/fixtures.js";
import { lintAsContract, loadRuleset, toPointer } from "./support/spectral.js";

describe("npm run lint:contract (the Spectral CLI, as CI runs it)", () => {
  let ruleset: Ruleset;

  beforeAll(async () => {
    ruleset = await loadRuleset();
  });

  test("fails at hint, the lowest severity Spectral has, so that any result fails it", () => {
    expect(lintContractScript()).toMatch(/\s--fail-severity[= ]hint(\s|$)/);
    expect(lintContractScript()).toMatch(/\s--ruleset[= ]spectral\/ruleset\.yaml(\s|$)/);
  });

  test("passes on the contract with no result at all", async () => {
    const run = await runLintContract(readContract());
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("No results with a severity of 'hint' or higher found!");
    expect(run.status).toBe(0);
  });

  test("exits non-zero on a contract whose only result is a warning", async () => {
    const run = await runLintContract(brokenContract("unused-schema.yaml"));
    expect(run.stdout).toContain("oas3-unused-component");
    expect(run.stdout).toMatch(/1 problem \(0 errors, 1 warning, 0 infos, 0 hints\)/);
    expect(run.status).toBe(1);
  });

  test("exits non-zero on a contract whose only result is information", async () => {
    const run = await runLintContract(brokenContract("concerning-url-parameter.yaml"));
    expect(run.stdout).toContain("owasp:api7:2023-concerning-url-parameter");
    expect(run.stdout).toMatch(/1 problem \(0 errors, 0 warnings, 1 info, 0 hints\)/);
    expect(run.status).toBe(1);
  });

  test.each(["missing-413.yaml", "409-inline-without-headers.yaml", "status-done.yaml"])(
    "reports the same results on %s as the programmatic harness of the rule tests",
    async (fixture) => {
      const contract = brokenContract(fixture);
      const run = await runLintContract(contract, " --format json");
      expect(run.status).toBe(1);
      const fromCli = (JSON.parse(run.stdout) as { code: string; path: string[]; message: string }[])
        .map((result) => `${result.code} ${toPointer(result.path)} ${result.message}`)
        .sort();
      const fromHarness = (await lintAsContract(ruleset, contract))
        .map((finding) => `${finding.code} ${finding.pointer} ${finding.message}`)
        .sort();
      expect(fromCli.length).toBeGreaterThan(0);
      expect(fromCli).toEqual(fromHarness);
    },
  );
});
