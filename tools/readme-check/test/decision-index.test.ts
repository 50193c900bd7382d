import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../src/paths.js";

const decisions = join(repoRoot, "docs", "decisions");
const records = readdirSync(decisions)
  .filter((name) => /^\d{4}-.*\.md$/.test(name))
  .sort();
const index = readFileSync(join(decisions, "README.md"), "utf8");

describe("the index of decision records", () => {
  test.each(records)("lists %s with its title and status", (file) => {
    const text = readFileSync(join(decisions, file), "utf8");
    const [, number, title] = /^# (\d{4}): (.+)$/m.exec(text) ?? [];
    expect(number, `${file} starts with "# NNNN: title"`).toBe(file.slice(0, 4));
    const status = /^- Status: (\w+)$/m.exec(text)?.[1];
    expect(status, `${file} has a "- Status:" line`).toBeDefined();
    expect(index).toContain(`| [${number}](${file}) | ${title} | ${status}`);
  });

  test("lists no record that does not exist", () => {
    const listed = [...index.matchAll(/\]\((\d{4}-[^)]+\.md)\)/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual(records);
  });
});
