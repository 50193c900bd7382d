import type { Ruleset } from "@stoplight/spectral-core";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { localRefSegments, valueAt } from "../spectral/functions/lib/document.js";
import { readContract } from "./support/fixtures.js";
import { readOverrides, withoutOverrides } from "./support/overrides.js";
import { type Finding, lintAsContract, loadRuleset } from "./support/spectral.js";

const entries = readOverrides();
const rows = entries.map((entry) => [entry.line, entry] as const);

/** The pointer segments of an override's file entry, or `undefined` when it names a whole file. */
function placeOf(file: string): string[] | undefined {
  const match = /^\.\.\/journey-runs\.yaml(#\/.*)$/.exec(file);
  return match?.[1] === undefined ? undefined : localRefSegments(match[1]);
}

/** Whether a result lies at the place of an override or inside it. */
function inside(finding: Finding, place: readonly string[]): boolean {
  return place.every((segment, index) => finding.path[index] === segment);
}

describe("overrides of the ruleset", () => {
  let ruleset: Ruleset;
  let silenced: Finding[];

  beforeAll(async () => {
    ruleset = await loadRuleset();
    silenced = await lintAsContract(await loadRuleset(withoutOverrides()), readContract());
  });

  test("there are overrides to check", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  test.each(rows)("the override at line %i says why, in a comment above it", (_line, entry) => {
    expect(entry.reason.split(/\s+/).filter(Boolean).length, `reason: "${entry.reason}"`).toBeGreaterThanOrEqual(8);
  });

  test.each(rows)("the override at line %i names places in the contract, never a whole file", (_line, entry) => {
    const contract: unknown = parse(readContract());
    expect(entry.files.length).toBeGreaterThan(0);
    for (const file of entry.files) {
      const place = placeOf(file);
      expect(place, `${file} must be ../journey-runs.yaml#/<pointer>`).toBeDefined();
      expect(valueAt(contract, place ?? []), `${file} points at nothing in the contract`).toBeDefined();
    }
  });

  test.each(rows)("the override at line %i changes rules that the ruleset has", (_line, entry) => {
    expect(entry.rules.length).toBeGreaterThan(0);
    for (const rule of entry.rules) expect(Object.keys(ruleset.rules), rule).toContain(rule);
  });

  test.each(rows)(
    "the override at line %i still silences a result at each of its places and for each rule",
    (_line, entry) => {
      const places = entry.files.map((file) => placeOf(file) ?? []);
      for (const [index, place] of places.entries()) {
        const hits = silenced.filter((f) => entry.rules.includes(f.code) && inside(f, place));
        expect(hits.length, `nothing of ${entry.rules.join(", ")} to silence at ${entry.files[index]}`).toBeGreaterThan(
          0,
        );
      }
      for (const rule of entry.rules) {
        const hits = silenced.filter((f) => f.code === rule && places.some((place) => inside(f, place)));
        expect(hits.length, `${rule} reports nothing at ${entry.files.join(", ")}`).toBeGreaterThan(0);
      }
    },
  );
});
