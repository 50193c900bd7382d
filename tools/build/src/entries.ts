/** One module that the build writes: where its source is and where package.json promises it. */
export interface Entry {
  /** The source file, relative to the package: `src/server/index.ts`. */
  readonly source: string;
  /** The built file, relative to the package: `dist/server/index.js`. */
  readonly output: string;
  /**
   * Only a command runs it (a `bin` target, or what a bin shim loads), nothing imports it: it is bundled into one
   * file with all it needs, so that starting the command reads one module instead of a chain of chunks.
   */
  readonly program: boolean;
}

const builtJs = /^\.\/dist\/(.+)\.js$/;

function collect(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (builtJs.test(value)) into.add(value);
  } else if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) collect(child, into);
  }
}

const shimTarget = /["']\.\.\/dist\/(.+?)\.js["']/g;

/**
 * The JavaScript entry points that a package's manifest promises under `dist/`: every target of `exports` and
 * `imports` (all conditions, so `#crypto`'s Node and browser files are both built) and of `bin`, and the `../dist/`
 * modules that a committed bin shim outside `dist/` loads (`readShim` reads it). A new `exports` entry is built
 * without touching the build: these are the build's only inputs besides `src/`.
 *
 * @example
 * ```ts
 * entryPoints({ exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } });
 * // [{ source: "src/index.ts", output: "dist/index.js", program: false }]
 * ```
 */
export function entryPoints(
  manifest: Readonly<Record<string, unknown>>,
  readShim: (path: string) => string = () => "",
): Entry[] {
  const imported = new Set<string>();
  const normalized = (value: unknown): unknown =>
    typeof value === "string" && !value.startsWith("./") ? `./${value}` : value;
  for (const key of ["exports", "imports"]) collect(normalized(manifest[key]), imported);
  const run = new Set<string>();
  const bin = manifest.bin;
  collect(normalized(bin), run);
  const bins = typeof bin === "string" ? [bin] : bin !== null && typeof bin === "object" ? Object.values(bin) : [];
  for (const path of bins) {
    if (typeof path !== "string" || /^(\.\/)?dist\//.test(path)) continue;
    for (const match of readShim(path).matchAll(shimTarget)) run.add(`./dist/${match[1]}.js`);
  }
  return [...new Set([...imported, ...run])].sort().map((target) => {
    const stem = (builtJs.exec(target) as RegExpExecArray)[1] as string;
    // A module that is also imported stays in the shared build: one copy of its state for all importers.
    return { source: `src/${stem}.ts`, output: `dist/${stem}.js`, program: !imported.has(target) };
  });
}

/**
 * The specifiers to leave as they are in the bundles: the keys of `imports` (`#crypto` must still resolve per
 * environment, in Node and in the user's bundler), so each keeps its own file.
 */
export function internalImports(manifest: Readonly<Record<string, unknown>>): string[] {
  const imports = manifest.imports;
  return imports !== null && typeof imports === "object" ? Object.keys(imports).sort() : [];
}
