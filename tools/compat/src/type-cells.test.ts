import { describe, expect, test } from "vitest";
import { TYPESCRIPT_FLOOR, typeCells } from "./type-cells.js";

describe("typeCells", () => {
  const cells = typeCells(["5.3.3", "5.4.5", "5.9.3", "6.0.3", "7.0.2"]);
  const find = (ts: string, resolution: string, exact = false) =>
    cells.find(
      (c) =>
        c.typescript === ts && c.resolution === resolution && (c.reason === "exactOptionalPropertyTypes") === exact,
    );

  test("runs the floor, 5.9 and the newest under bundler, node16 and nodenext, all expected to compile", () => {
    for (const ts of ["5.4.5", "5.9.3", "6.0.3", "7.0.2"]) {
      for (const resolution of ["bundler", "node16", "nodenext"]) expect(find(ts, resolution)?.expect).toBe("pass");
    }
    expect(TYPESCRIPT_FLOOR).toBe("5.4");
  });

  test("the version below the floor must fail, under bundler only", () => {
    expect(find("5.3.3", "bundler")?.expect).toBe("fail");
    expect(cells.filter((c) => c.typescript === "5.3.3")).toHaveLength(1);
  });

  test("node10 runs where TypeScript still has it, with the deprecation silenced on 6, and is named as removed on 7", () => {
    expect(find("5.4.5", "node10")?.expect).toBe("pass");
    expect(find("6.0.3", "node10")?.options).toMatchObject({ ignoreDeprecations: "6.0" });
    expect(find("7.0.2", "node10")).toMatchObject({ expect: "unavailable", reason: expect.stringMatching(/removed/) });
  });

  test("the exactOptionalPropertyTypes consumer compiles on the newest 5.x", () => {
    expect(find("5.9.3", "nodenext", true)).toMatchObject({
      expect: "pass",
      files: ["consumer.ts", "exact-optional.ts"],
      options: { exactOptionalPropertyTypes: true },
    });
  });
});
