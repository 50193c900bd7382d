import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const dist = new URL("../dist/", import.meta.url);
const IMPORT = /(?:^|\n)\s*(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every module specifier reachable from a dist file, following relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: URL) => {
    if (seen.has(file.href)) return;
    seen.add(file.href);
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const match of code.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (specifier.startsWith(".")) visit(new URL(specifier, file));
      else bare.add(specifier);
    }
  };
  visit(new URL(entry, dist));
  return bare;
}

describe("the main entry is browser-safe", () => {
  test("imports no Node built-in: only msw (and @journey-runs/types)", () => {
    const bare = [...reachable("index.js")];
    expect(bare).toContain("msw");
    expect(bare.filter((s) => s !== "msw" && s !== "@journey-runs/types")).toEqual([]);
  });

  test("the server entry does not need msw", () => {
    expect(reachable("server/index.js").has("msw")).toBe(false);
  });
});
