import { readFileSync } from "node:fs";
import { generateControlLimits, generateMswContract } from "@journey-runs/codegen";
import { describe, expect, test } from "vitest";

const contract = new URL("../../../openapi/journey-runs.yaml", import.meta.url);
const generated = new URL("../src/generated/contract.ts", import.meta.url);

describe("src/generated/contract.ts", () => {
  test("is what tools/codegen makes from openapi/journey-runs.yaml today (run `npm run generate` if not)", () => {
    const fresh = generateMswContract(readFileSync(contract, "utf8"));
    expect(readFileSync(generated, "utf8")).toBe(fresh);
  });
});

const controlContract = new URL("../../../openapi/journey-runs-mock-control.yaml", import.meta.url);
const controlLimits = new URL("../src/generated/control-limits.ts", import.meta.url);

describe("src/generated/control-limits.ts", () => {
  test("is what tools/codegen makes from openapi/journey-runs-mock-control.yaml today (run `npm run generate` if not)", () => {
    const fresh = generateControlLimits(readFileSync(controlContract, "utf8"));
    expect(readFileSync(controlLimits, "utf8")).toBe(fresh);
  });
});
