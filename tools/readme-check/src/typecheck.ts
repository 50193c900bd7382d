/**
 * One TypeScript program over the README blocks marked `typecheck` and over the public entry points the READMEs
 * import from: the blocks' errors, and the names each entry point exports (values and types alike).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** A block to typecheck, and where it comes from (for messages). */
export interface TypecheckBlock {
  source: string; // e.g. packages/msw/README.md:27
  code: string;
}

/** What the program found: errors by block, and the exports of every specifier (undefined: does not resolve). */
export interface TypecheckResult {
  errors: string[];
  exports: Map<string, Set<string> | undefined>;
}

/** The settings of a strict consumer: the repository's own, `exactOptionalPropertyTypes` included. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node", "vitest/globals"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Writes each block to `<work>/block-N.ts` (an ES module, top-level await allowed) and typechecks them together.
 * `work` must be inside this workspace, so that `@journey-runs/*` resolves to the built packages as a user's would.
 */
export function typecheck(work: string, blocks: TypecheckBlock[], specifiers: string[]): TypecheckResult {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  const files = blocks.map(({ code }, index) => {
    const file = join(work, `block-${index}.ts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const exportsFile = join(work, "exports.ts");
  writeFileSync(exportsFile, specifiers.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};\n`).join(""));
  const program = ts.createProgram([...files, exportsFile], OPTIONS);
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
    .map((diagnostic) => {
      const block = blocks[files.indexOf(diagnostic.file?.fileName ?? "")];
      const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      return `${block?.source} (line ${line + 1} of the block): TS${diagnostic.code} ${text}`;
    });
  const checker = program.getTypeChecker();
  const exports = new Map<string, Set<string> | undefined>();
  const statements = program.getSourceFile(exportsFile)?.statements ?? [];
  specifiers.forEach((specifier, index) => {
    const statement = statements[index];
    const symbol =
      statement && ts.isImportDeclaration(statement)
        ? checker.getSymbolAtLocation(statement.moduleSpecifier)
        : undefined;
    exports.set(specifier, symbol ? new Set(checker.getExportsOfModule(symbol).map((s) => s.name)) : undefined);
  });
  return { errors, exports };
}
