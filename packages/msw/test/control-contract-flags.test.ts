import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { USAGE } from "../src/server/cli-options.js";

const contract = readFileSync(new URL("../../../openapi/journey-runs-mock-control.yaml", import.meta.url), "utf8");

test("every journey-runs-mock flag the control contract names (its servers entry included) is one the bin takes", () => {
  const taken = new Set(USAGE.match(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)?.map((line) => line.trim().split(" ").at(-1)));
  expect(taken.has("--no-control")).toBe(true);
  const named = new Set(contract.match(/--[a-z][a-z-]*/g));
  expect(named.size).toBeGreaterThan(0);
  expect([...named].filter((flag) => !taken.has(flag))).toEqual([]);
});
