import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every file under `dir`, as paths relative to `dir` with forward slashes, sorted.
 *
 * @example
 * ```ts
 * filesUnder("packages/client/dist"); // ["crypto/node.d.ts", "crypto/node.js", ...]
 * ```
 */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split("\\").join("/"));
    }
  };
  walk(dir);
  return found.sort();
}

const staticImport =
  /(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

/** The module specifiers of a built module's static imports and re-exports, in order. */
export function staticImports(code: string): string[] {
  return [...code.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(staticImport)].map((m) => (m[1] ?? m[2]) as string);
}
