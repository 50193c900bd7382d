import { parse } from "yaml";
import type { Change } from "./change.js";
import { dereference } from "./dereference.js";
import { diffOperations } from "./operation-diff.js";

/** One place of the file whose value differs, such as `~ /components/schemas/Identifier/description`. */
export interface Edit {
  /** `+` added, `-` removed, `~` changed. */
  readonly kind: "+" | "-" | "~";
  /** JSON pointer into the file as written (before `$ref`s are resolved). */
  readonly pointer: string;
}

/** The semver part a release must bump at least. */
export type Bump = "major" | "minor" | "patch" | "none";

/** The result of {@link diffContracts}. */
export interface ContractDiff {
  /** `info.version` of the earlier and the later contract. */
  readonly versions: { readonly before: string; readonly after: string };
  /** Changes that matter to clients, breaking ones first. */
  readonly changes: readonly Change[];
  /** Every place of the file that differs, documentation included. */
  readonly edits: readonly Edit[];
  /** True when at least one change breaks clients. */
  readonly breaking: boolean;
  /** The smallest version bump the policy asks for (docs/decisions/0007-versioning.md). */
  readonly requiredBump: Bump;
  /** The bump that `info.version` actually made. */
  readonly actualBump: Bump;
}

type Node = Record<string, unknown>;

function parseContract(text: string, label: string): Node {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`[contract-diff] The ${label} contract is not valid YAML: ${(error as Error).message}`);
  }
  const openapi = (document as Node | null)?.openapi;
  if (typeof openapi !== "string" || !openapi.startsWith("3.")) {
    throw new Error(`[contract-diff] The ${label} contract is not an OpenAPI 3 document (no "openapi: 3.x" field).`);
  }
  return document as Node;
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

function edits(before: unknown, after: unknown, pointer = ""): Edit[] {
  const isContainer = (v: unknown) => v !== null && typeof v === "object";
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const [a, b] = [before as Node, after as Node];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key): Edit[] => {
      const at = `${pointer}/${escapePointer(key)}`;
      if (!(key in b)) return [{ kind: "-", pointer: at }];
      if (!(key in a)) return [{ kind: "+", pointer: at }];
      return edits(a[key], b[key], at);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ kind: "~", pointer: pointer || "/" }];
}

function semver(version: string): [number, number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function bumpBetween(before: string, after: string): Bump {
  const [a, b] = [semver(before), semver(after)];
  if (a === undefined || b === undefined) return "none";
  if (b[0] > a[0]) return "major";
  if (b[0] === a[0] && b[1] > a[1]) return "minor";
  if (b[0] === a[0] && b[1] === a[1] && b[2] > a[2]) return "patch";
  return "none";
}

function requiredBump(version: string, changes: readonly Change[], edited: boolean): Bump {
  // Below 1.0.0 semver moves one place down: a breaking change bumps the minor, anything else the patch.
  const initial = (semver(version)?.[0] ?? 0) === 0;
  if (changes.some((c) => c.severity === "breaking")) return initial ? "minor" : "major";
  if (changes.length > 0) return initial ? "patch" : "minor";
  return edited ? "patch" : "none";
}

/**
 * Compares two versions of the contract (YAML or JSON text) and classifies each change for clients.
 *
 * @example
 * ```ts
 * const diff = diffContracts(readFileSync("old.yaml", "utf8"), readFileSync("openapi/journey-runs.yaml", "utf8"));
 * if (diff.breaking) console.log(diff.changes.filter((c) => c.severity === "breaking"));
 * ```
 */
export function diffContracts(beforeText: string, afterText: string): ContractDiff {
  const before = parseContract(beforeText, "earlier");
  const after = parseContract(afterText, "later");
  const changes = diffOperations(dereference(before), dereference(after)).changes;
  const ordered = [
    ...changes.filter((c) => c.severity === "breaking"),
    ...changes.filter((c) => c.severity !== "breaking"),
  ];
  const versions = { before: String(node(before.info).version), after: String(node(after.info).version) };
  const fileEdits = edits(before, after);
  return {
    versions,
    changes: ordered,
    edits: fileEdits,
    breaking: ordered.some((c) => c.severity === "breaking"),
    requiredBump: requiredBump(versions.before, ordered, fileEdits.length > 0),
    actualBump: bumpBetween(versions.before, versions.after),
  };
}

function node(value: unknown): Node {
  return value !== null && typeof value === "object" ? (value as Node) : {};
}
