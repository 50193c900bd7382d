import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast.js";
import { RUN_STATUSES } from "./run-status.js";

const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8");

/** The custom properties of the first `:root { ... }` block after `from` in styles.css. */
function palette(from: number): Map<string, string> {
  const start = css.indexOf(":root {", from);
  const block = css.slice(start, css.indexOf("}", start));
  return new Map(
    [...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]+);/gi)].map(([, name = "", value = ""]) => [name, value]),
  );
}

const schemes = {
  light: palette(0),
  dark: palette(css.indexOf("@media (prefers-color-scheme: dark)")),
};

const badges = [...RUN_STATUSES.map((status) => status.toLowerCase()), "unknown"];

// [text or graphic, background it is shown on, WCAG 2.2 AA minimum]
const pairs: [string, string, number][] = [
  ["--text", "--bg", 4.5],
  ["--text", "--surface", 4.5],
  ["--muted", "--bg", 4.5],
  ["--muted", "--surface", 4.5],
  ["--link", "--bg", 4.5],
  ["--link", "--surface", 4.5],
  ["--accent-fg", "--accent", 4.5],
  ["--error-fg", "--error-bg", 4.5],
  ["--border", "--surface", 3],
  ["--focus", "--bg", 3],
  ["--focus", "--surface", 3],
  ...badges.map((badge): [string, string, number] => [`--badge-${badge}-fg`, `--badge-${badge}-bg`, 4.5]),
  ...badges.map((badge): [string, string, number] => [`--bar-${badge}`, "--surface", 3]),
  ...badges.map((badge): [string, string, number] => [`--bar-${badge}`, "--track", 3]),
];

describe.each(Object.entries(schemes))("the %s colour scheme", (_scheme, colours) => {
  it("defines every colour the checks name", () => {
    const names = [...pairs.map(([fg]) => fg), ...pairs.map(([, bg]) => bg)];
    expect(names.filter((name) => !colours.has(name))).toEqual([]);
  });

  it.each(pairs)("%s on %s reaches %s:1", (fg, bg, minimum) => {
    expect(contrastRatio(colours.get(fg) ?? "", colours.get(bg) ?? "")).toBeGreaterThanOrEqual(minimum);
  });
});
