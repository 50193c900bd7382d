import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { RULESET_PATH } from "./paths.js";

/** One entry of the ruleset's `overrides`, as written. */
export interface OverrideEntry {
  /** 1-based line of the entry's `- files:`. */
  line: number;
  /** The comment lines written directly above the entry, without `#`. */
  reason: string;
  /** The `files` of the entry, as written (`../journey-runs.yaml#/...`). */
  files: string[];
  /** The rule names the entry changes. */
  rules: string[];
}

/** The text of the ruleset that `lint:contract` uses. */
export function readRuleset(): string {
  return readFileSync(RULESET_PATH, "utf8");
}

/** The `overrides` entries of the ruleset, with the comment written directly above each. */
export function readOverrides(text = readRuleset()): OverrideEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const overrides = doc.get("overrides", true);
  if (!isSeq(overrides)) return [];
  const lines = text.split("\n");
  return overrides.items.map((item) => {
    if (!isMap(item) || item.range === undefined || item.range === null) {
      throw new Error("Every entry of `overrides` must be a map with `files` and `rules`.");
    }
    const line = lineCounter.linePos(item.range[0]).line;
    const reason: string[] = [];
    // Walk up from the line above the entry while the lines are comments.
    for (let index = line - 2; index >= 0; index -= 1) {
      const match = /^\s*#\s?(.*)$/.exec(lines[index] ?? "");
      if (match === null) break;
      reason.unshift(match[1] ?? "");
    }
    const files = item.get("files", true);
    const rules = item.get("rules", true);
    return {
      line,
      reason: reason.join(" ").trim(),
      files: isSeq(files) ? files.items.map((file) => String(isScalar(file) ? file.value : file)) : [],
      rules: isMap(rules) ? rules.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)) : [],
    };
  });
}

/** The ruleset's text without its `overrides`, so that every result they silence shows again. */
export function withoutOverrides(text = readRuleset()): string {
  const doc = parseDocument(text);
  doc.delete("overrides");
  return doc.toString();
}
