import { describe, expect, test } from "vitest";
import recorded from "../../../.ci/inputs.json" with { type: "json" };
import { FLOATING_INPUTS, movedInputs } from "./ci-inputs.mjs";

describe("floating CI inputs", () => {
  test("names what moved, what is new, and nothing that stayed", () => {
    expect(movedInputs({ a: "1", b: "2" }, { a: "1", b: "3", c: "absent" })).toEqual([
      "b: 2 -> 3",
      "c: not recorded, now absent",
    ]);
  });

  test("does not read a recorded value through the prototype", () => {
    expect(movedInputs({}, { constructor: "1" })).toEqual(["constructor: not recorded, now 1"]);
  });

  test(".ci/inputs.json records every floating input the script reads, and only those", () => {
    expect(Object.keys(recorded.floating).sort()).toEqual(FLOATING_INPUTS.map((input) => input.name).sort());
  });
});
