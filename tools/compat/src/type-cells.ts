/** The TypeScript floor that the READMEs state: openapi-fetch's types need 5.4 with `skipLibCheck: false`. */
export const TYPESCRIPT_FLOOR = "5.4";

/** One cell of the type matrix: a consumer compiled by one TypeScript under one module resolution. */
export interface TypeCell {
  readonly typescript: string;
  readonly resolution: "bundler" | "node16" | "nodenext" | "node10";
  /** The compiler options of the cell beyond the shared ones (strict, skipLibCheck false, ...). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly files: readonly string[];
  /** `pass` must compile; `fail` must not (the version below the floor); `unavailable` is not run, with a reason. */
  readonly expect: "pass" | "fail" | "unavailable";
  readonly reason?: string;
  /**
   * Set while a `pass` cell is known to fail until work elsewhere lands: its failure is printed with this text but
   * does not fail the matrix, and its passing is printed as a reminder to remove the mark.
   */
  readonly pending?: string;
}

const resolutions = {
  bundler: { module: "esnext", moduleResolution: "bundler" },
  node16: { module: "node16", moduleResolution: "node16" },
  nodenext: { module: "nodenext", moduleResolution: "nodenext" },
  node10: { module: "commonjs", moduleResolution: "node10" },
} as const;

const major = (version: string): number => Number.parseInt(version, 10);
const below = (version: string, floor: string): boolean => {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = floor.split(".").map(Number);
  return a < c || (a === c && b < d);
};

/**
 * The cells for `versions`: every version under every resolution (node10 reaches `@journey-runs/msw/server` through
 * `typesVersions`), and the `exactOptionalPropertyTypes` consumer on the newest 5.x. A version below the floor is
 * expected to fail under `bundler` only, which proves the floor is not lower. TypeScript 6 needs
 * `ignoreDeprecations: "6.0"` for node10, and TypeScript 7 removed node10.
 *
 * @example
 * ```ts
 * typeCells(["5.4.5"]).map((c) => c.resolution); // ["bundler", "node16", "nodenext", "node10"]
 * ```
 */
export function typeCells(versions: readonly string[]): TypeCell[] {
  const cells: TypeCell[] = [];
  for (const typescript of versions) {
    const under = below(typescript, TYPESCRIPT_FLOOR);
    for (const [resolution, options] of Object.entries(resolutions) as [
      TypeCell["resolution"],
      Record<string, string>,
    ][]) {
      if (under && resolution !== "bundler") continue;
      const cell = { typescript, resolution, options, files: ["consumer.ts"] };
      if (under) {
        cells.push({ ...cell, expect: "fail", reason: `below the floor ${TYPESCRIPT_FLOOR}: must not compile` });
      } else if (resolution === "node10" && major(typescript) >= 7) {
        cells.push({ ...cell, expect: "unavailable", reason: "TypeScript 7 removed moduleResolution node10 (TS5108)" });
      } else if (resolution === "node10" && major(typescript) === 6) {
        cells.push({ ...cell, options: { ...options, ignoreDeprecations: "6.0" }, expect: "pass" });
      } else {
        cells.push({ ...cell, expect: "pass" });
      }
    }
  }
  const newest5 = versions.filter((v) => major(v) === 5 && !below(v, TYPESCRIPT_FLOOR)).at(-1);
  if (newest5 !== undefined) {
    cells.push({
      typescript: newest5,
      resolution: "nodenext",
      options: { ...resolutions.nodenext, exactOptionalPropertyTypes: true },
      files: ["consumer.ts", "exact-optional.ts"],
      expect: "pass",
      reason: "exactOptionalPropertyTypes",
    });
  }
  return cells;
}
