/** The names a text imports from our packages: `import { a, type B, c as d } from "@journey-runs/x"`. */

/** One imported name and the module specifier it is imported from. */
export interface ImportedName {
  specifier: string;
  name: string;
}

const IMPORT = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["'](@journey-runs\/[^"']+)["']/g;

/**
 * Every name imported with braces from an `@journey-runs/*` specifier, in code blocks and in inline code alike.
 * @example importedNames('import { createJourneyRunsMock } from "@journey-runs/msw"')
 * // [{ specifier: "@journey-runs/msw", name: "createJourneyRunsMock" }]
 */
export function importedNames(text: string): ImportedName[] {
  const found: ImportedName[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[2] ?? "";
    for (const part of (match[1] ?? "").split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name) found.push({ specifier, name });
    }
  }
  return found;
}

/**
 * The imported names that their specifier does not export, as messages; a specifier that does not resolve is one.
 * @param exports what each specifier exports (undefined: it does not resolve), from `typecheck`
 */
export function missingExports(names: ImportedName[], exports: Map<string, Set<string> | undefined>): string[] {
  const problems = new Set<string>();
  for (const { specifier, name } of names) {
    const exported = exports.get(specifier);
    if (exported === undefined) problems.add(`"${specifier}" is not an entry point of a built package`);
    else if (!exported.has(name)) problems.add(`"${specifier}" does not export ${name}`);
  }
  return [...problems];
}
