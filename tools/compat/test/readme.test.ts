import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { compatDir, publicPackages, repoRoot } from "../src/paths.js";

// Inside this workspace, so that the example's import of "@journey-runs/types" resolves as a user's would.
const work = mkdtempSync(join(compatDir, ".readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function blocks(readme: string, lang: string): string[] {
  return [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1] ?? "");
}

describe.each(publicPackages)("the README of $name", ({ name, dir }) => {
  const path = join(dir, "README.md");
  const readme = existsSync(path) ? readFileSync(path, "utf8") : "";
  if (readme === "") console.warn(`[compat] ${name} has no README.md yet: its README tests are skipped.`);

  test.runIf(name === "@journey-runs/types" && readme !== "")(
    "has an example that typechecks, runs and prints what it says",
    () => {
      const [example] = blocks(readme, "ts");
      const [printed] = blocks(readme, "text");
      expect(example, "a ```ts block").toBeDefined();
      const file = join(work, "runs.ts");
      writeFileSync(file, example ?? "");
      const tsc = spawnSync(
        process.execPath,
        [
          join(repoRoot, "node_modules", "typescript", "bin", "tsc"),
          "--noEmit",
          "--strict",
          "--module",
          "nodenext",
          "--target",
          "es2022",
          "--types",
          "node",
          file,
        ],
        { cwd: work, encoding: "utf8" },
      );
      expect(tsc.stdout + tsc.stderr).toBe("");
      const run = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: compatDir, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(printed);
    },
  );

  test.runIf(readme !== "")("names the package and shows how to install it", () => {
    expect(readme).toMatch(new RegExp(`^# ${name}$`, "m"));
    expect(readme).toContain(`npm install`);
  });
});
