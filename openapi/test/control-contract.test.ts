import { expect, test } from "vitest";
import { parse } from "yaml";
import { readContract, readControlContract } from "./support/fixtures.js";
import { CONTROL_CONTRACT_PATH } from "./support/paths.js";
import { lintAsContract, loadRuleset } from "./support/spectral.js";

const HOUSE_PINPOINT = ["journey-runs-aws-errors", "journey-runs-error-type-header"];

test("the control plane's contract gets no result of any severity from the full ruleset", async () => {
  const ruleset = await loadRuleset();
  expect(await lintAsContract(ruleset, readControlContract(), CONTROL_CONTRACT_PATH)).toEqual([]);
});

test("the ruleset tells the contracts apart by file: the same text linted as journey-runs.yaml breaks the Pinpoint house rules", async () => {
  const ruleset = await loadRuleset();
  const asPinpoint = await lintAsContract(ruleset, readControlContract());
  const codes = new Set(asPinpoint.map((finding) => finding.code));
  for (const rule of HOUSE_PINPOINT) expect(codes, rule).toContain(rule);
});

test("journey-runs-valid-examples applies to the control contract too", async () => {
  const ruleset = await loadRuleset();
  const broken = readControlContract().replace("              ms: 250\n", "              ms: -1\n");
  expect(broken).not.toBe(readControlContract());
  const findings = await lintAsContract(ruleset, broken, CONTROL_CONTRACT_PATH);
  expect(findings.map((finding) => finding.code)).toContain("journey-runs-valid-examples");
});

test("every path of the control contract is under the reserved prefix, which no Pinpoint path uses", () => {
  const control = parse(readControlContract()) as { paths: Record<string, unknown> };
  const pinpoint = parse(readContract()) as { paths: Record<string, unknown> };
  const paths = Object.keys(control.paths);
  expect(paths.length).toBeGreaterThan(10);
  for (const path of paths) expect(path.startsWith("/_journey-runs-mock/"), path).toBe(true);
  for (const path of Object.keys(pinpoint.paths)) expect(path.startsWith("/_journey-runs-mock/"), path).toBe(false);
});

test("the control contract's JourneyRunResponse and JourneyRunStatus say what the Pinpoint contract says", () => {
  type Schemas = { components: { schemas: Record<string, { properties?: Record<string, unknown> } & object> } };
  const control = (parse(readControlContract()) as Schemas).components.schemas;
  const pinpoint = (parse(readContract()) as Schemas).components.schemas;
  expect((control.JourneyRunStatus as { enum: string[] }).enum).toEqual(
    (pinpoint.JourneyRunStatus as { enum: string[] }).enum,
  );
  const fields = (schema: object) => {
    const s = schema as { required: string[]; properties: object; additionalProperties: boolean };
    return { required: s.required, properties: Object.keys(s.properties), closed: s.additionalProperties };
  };
  expect(fields(control.JourneyRunResponse ?? {})).toEqual(fields(pinpoint.JourneyRunResponse ?? {}));
});
