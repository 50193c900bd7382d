import type { Ruleset } from "@stoplight/spectral-core";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { localRefSegments, valueAt } from "../spectral/functions/lib/document.js";
import { readContract, readControlContract } from "./support/fixtures.js";
import { readOverrides, withoutOverrides } from "./support/overrides.js";
import { CONTRACT_PATH, CONTROL_CONTRACT_PATH } from "./support/paths.js";
import { type Finding, lintAsContract, loadRuleset } from "./support/spectral.js";

const entries = readOverrides();
const rows = entries.map((entry) => [entry.line, entry] as const);

/** The two contracts the ruleset lints, by the file name that overrides use. */
const CONTRACTS = {
  "journey-runs.yaml": { path: CONTRACT_PATH, read: readContract },
  "journey-runs-mock-control.yaml": { path: CONTROL_CONTRACT_PATH, read: readControlContract },
} as const;
type ContractName = keyof typeof CONTRACTS;

/** The house rules about Pinpoint's wire: the only rules that may be turned off for a whole file. */
const PINPOINT_HOUSE_RULES = ["journey-runs-aws-errors", "journey-runs-error-type-header"];

/** The contract and pointer segments of an override's file entry (`place` undefined for a whole file). */
function placeOf(file: string): { contract: ContractName; place: string[] | undefined } | undefined {
  const match = /^\.\.\/(journey-runs\.yaml|journey-runs-mock-control\.yaml)(#\/.*)?$/.exec(file);
  if (match === null) return undefined;
  const contract = match[1] as ContractName;
  return { contract, place: match[2] === undefined ? undefined : localRefSegments(match[2]) };
}

/** Whether a result lies at the place of an override or inside it. */
function inside(finding: Finding, place: readonly string[]): boolean {
  return place.every((segment, index) => finding.path[index] === segment);
}

describe("overrides of the ruleset", () => {
  let ruleset: Ruleset;
  const silenced = new Map<ContractName, Finding[]>();

  beforeAll(async () => {
    ruleset = await loadRuleset();
    const bare = await loadRuleset(withoutOverrides());
    for (const [name, contract] of Object.entries(CONTRACTS)) {
      silenced.set(name as ContractName, await lintAsContract(bare, contract.read(), contract.path));
    }
  });

  test("there are overrides to check", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  test.each(rows)("the override at line %i says why, in a comment above it", (_line, entry) => {
    expect(entry.reason.split(/\s+/).filter(Boolean).length, `reason: "${entry.reason}"`).toBeGreaterThanOrEqual(8);
  });

  test.each(rows)(
    "the override at line %i names places in a contract, a whole file only for the Pinpoint house rules",
    (_line, entry) => {
      expect(entry.files.length).toBeGreaterThan(0);
      for (const file of entry.files) {
        const target = placeOf(file);
        expect(target, `${file} must be ../<contract>.yaml#/<pointer>`).toBeDefined();
        if (target === undefined) continue;
        if (target.place === undefined) {
          expect(target.contract, `${file}: only the control contract may be named whole`).toBe(
            "journey-runs-mock-control.yaml",
          );
          expect(PINPOINT_HOUSE_RULES, `${file}: a whole file turns off only the Pinpoint house rules`).toEqual(
            expect.arrayContaining(entry.rules),
          );
          continue;
        }
        const contract: unknown = parse(CONTRACTS[target.contract].read());
        expect(valueAt(contract, target.place), `${file} points at nothing in the contract`).toBeDefined();
      }
    },
  );

  test.each(rows)("the override at line %i changes rules that the ruleset has", (_line, entry) => {
    expect(entry.rules.length).toBeGreaterThan(0);
    for (const rule of entry.rules) expect(Object.keys(ruleset.rules), rule).toContain(rule);
  });

  test.each(rows)(
    "the override at line %i still silences a result at each of its places and for each rule",
    (_line, entry) => {
      const targets = entry.files.map((file) => placeOf(file) ?? { contract: "journey-runs.yaml" as const, place: [] });
      const found = (target: (typeof targets)[number]) => silenced.get(target.contract) ?? [];
      for (const [index, target] of targets.entries()) {
        const hits = found(target).filter((f) => entry.rules.includes(f.code) && inside(f, target.place ?? []));
        expect(hits.length, `nothing of ${entry.rules.join(", ")} to silence at ${entry.files[index]}`).toBeGreaterThan(
          0,
        );
      }
      for (const rule of entry.rules) {
        const hits = targets.flatMap((target) =>
          found(target).filter((f) => f.code === rule && inside(f, target.place ?? [])),
        );
        expect(hits.length, `${rule} reports nothing at ${entry.files.join(", ")}`).toBeGreaterThan(0);
      }
    },
  );
});
