import { readFileSync } from "node:fs";

const IMPORT = /(?:^|\n)\s*(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every bare module specifier reachable from a built file of `dist/`, following relative imports, sorted. */
export function reachableImports(entry: string, dist = new URL("../../dist/", import.meta.url)): string[] {
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
  return [...bare].sort();
}
