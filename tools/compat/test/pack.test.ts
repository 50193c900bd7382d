import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkPackFiles, packedFiles, promisedFiles } from "../src/pack.js";
import { publicPackages } from "../src/paths.js";

describe.each(publicPackages)("npm pack --dry-run of $name", ({ name, dir }) => {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  const files = packedFiles(dir);

  test("contains only what a user needs", () => {
    expect(checkPackFiles(files)).toEqual([]);
  });

  test("contains every entry file that package.json promises", () => {
    const promised = promisedFiles(manifest);
    expect(promised.length, "package.json should declare exports").toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining([...promised, "package.json"]));
  });

  const hasReadme = existsSync(join(dir, "README.md"));
  if (!hasReadme) console.warn(`[compat] ${name} has no README.md yet: its pack check skips the README test.`);
  test.runIf(hasReadme)("contains its README", () => {
    expect(files).toContain("README.md");
  });
});
