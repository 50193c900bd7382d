import { expect, test } from "vitest";
import { readContract } from "./support/fixtures.js";
import { lintAsContract, loadRuleset } from "./support/spectral.js";

test("the contract gets no result of any severity from the full ruleset", async () => {
  const ruleset = await loadRuleset();
  expect(await lintAsContract(ruleset, readContract())).toEqual([]);
});

test("the full ruleset runs its three house rules at error severity", async () => {
  const ruleset = await loadRuleset();
  const house = Object.values(ruleset.rules).filter((rule) => rule.name.startsWith("journey-runs-"));
  expect(house.map((rule) => [rule.name, rule.severity, rule.enabled])).toEqual([
    ["journey-runs-aws-errors", 0, true],
    ["journey-runs-error-type-header", 0, true],
    ["journey-runs-valid-examples", 0, true],
  ]);
});
