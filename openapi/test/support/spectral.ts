import * as fs from "node:fs";
import { Document, type ISpectralDiagnostic, type Ruleset, Spectral } from "@stoplight/spectral-core";
// Default imports: Node cannot see the named exports of these two CommonJS packages.
import parsers from "@stoplight/spectral-parsers";
import { builtins } from "@stoplight/spectral-ruleset-bundler/plugins/builtins";
import { commonjs } from "@stoplight/spectral-ruleset-bundler/plugins/commonjs";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import runtime from "@stoplight/spectral-runtime";
import { CONTRACT_PATH, RULESET_PATH } from "./paths.js";

/** One Spectral result, reduced to what the tests compare. */
export interface Finding {
  code: string;
  /** JSON Pointer of the result's path in the contract. */
  pointer: string;
  /** The result's path in the contract, each segment as a string. */
  path: string[];
  severity: "error" | "warn" | "info" | "hint";
  message: string;
}

const SEVERITIES = ["error", "warn", "info", "hint"] as const;

/** A JSON Pointer (`#/a/b~1c`) of a Spectral path. */
export function toPointer(path: readonly (string | number)[]): string {
  return `#${path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`;
}

/**
 * Bundles and loads the ruleset file that `lint:contract` uses, the way the Spectral CLI does (its built-in
 * modules, CommonJS support and the node loader). `rulesetText` replaces the file's text, at the same path, so
 * that overrides keep their meaning.
 */
export async function loadRuleset(rulesetText?: string): Promise<Ruleset> {
  const io = rulesetText === undefined ? fs : withFile(RULESET_PATH, rulesetText);
  return bundleAndLoadRuleset(RULESET_PATH, { fs: io, fetch: runtime.fetch }, [builtins(), commonjs()]);
}

/** A view of `fs` in which one file reads as `text`. */
function withFile(file: string, text: string): typeof fs {
  const readFile = ((target: fs.PathLike | fs.promises.FileHandle, ...rest: unknown[]) =>
    target === file
      ? Promise.resolve(text)
      : (fs.promises.readFile as (...args: unknown[]) => Promise<unknown>)(
          target,
          ...rest,
        )) as typeof fs.promises.readFile;
  return { ...fs, promises: { ...fs.promises, readFile } } as typeof fs;
}

/**
 * Lints `text` as if it were the contract at `path` (default the Pinpoint contract's own path), so that the
 * ruleset's overrides apply as they do to that file.
 */
export async function lintAsContract(ruleset: Ruleset, text: string, path = CONTRACT_PATH): Promise<Finding[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(text, parsers.Yaml, path));
  return results.map(toFinding);
}

/** The parts of a Spectral diagnostic that the tests compare. */
export function toFinding(result: ISpectralDiagnostic): Finding {
  return {
    code: String(result.code),
    pointer: toPointer(result.path),
    path: result.path.map(String),
    severity: SEVERITIES[result.severity] ?? "hint",
    message: result.message,
  };
}
