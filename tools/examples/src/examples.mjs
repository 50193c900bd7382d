// @ts-check
/** Which folders under examples/ are examples: any `examples/<name>` with a package.json that has a `test` script. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @param {string} examplesDir
 * @param {string | undefined} only a comma-separated list of names (the EXAMPLES variable), or all when undefined
 * @returns {{ name: string, dir: string }[]} sorted by name
 */
export function findExamples(examplesDir, only) {
  const wanted = only ? new Set(only.split(",").map((name) => name.trim())) : undefined;
  const found = readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => ({ name: entry.name, dir: join(examplesDir, entry.name) }))
    .filter(({ dir }) => {
      const manifest = join(dir, "package.json");
      if (!existsSync(manifest)) return false;
      const scripts = JSON.parse(readFileSync(manifest, "utf8")).scripts;
      return typeof scripts?.test === "string";
    })
    .filter(({ name }) => wanted === undefined || wanted.has(name))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (wanted) {
    const missing = [...wanted].filter((name) => !found.some((example) => example.name === name));
    if (missing.length > 0) throw new Error(`EXAMPLES names no example with a test script: ${missing.join(", ")}`);
  }
  return found;
}
