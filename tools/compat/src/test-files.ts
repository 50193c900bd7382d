import { readdirSync } from "node:fs";
import { join } from "node:path";

const testFile = /\.(test|spec)(-d)?\.[cm]?[jt]sx?$/;
const skipped = new Set(["node_modules", "dist", ".turbo", "coverage"]);

/**
 * Lists the test files of a package (`*.test.ts`, `*.test-d.ts`, `*.spec.js`, ...) outside `node_modules` and `dist`.
 *
 * @example
 * ```ts
 * findTestFiles("packages/types"); // ["test/types.test-d.ts"]
 * ```
 */
export function findTestFiles(dir: string, prefix = ""): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return skipped.has(entry.name) ? [] : findTestFiles(dir, path);
    return testFile.test(entry.name) ? [path] : [];
  });
}
