import type { Bump, ContractDiff } from "./diff.js";

const order: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const shownEdits = 40;

/**
 * Formats a {@link ContractDiff} for a terminal or a CI log: the verdict first, then breaking changes, other
 * changes for clients, the edited places of the file, and what the versioning policy asks for.
 *
 * @example
 * ```ts
 * console.log(formatReport(diffContracts(before, after), { before: "main", after: "working tree" }));
 * ```
 */
export function formatReport(diff: ContractDiff, labels: { before: string; after: string }): string {
  const lines: string[] = [];
  const breaking = diff.changes.filter((c) => c.severity === "breaking");
  const compatible = diff.changes.filter((c) => c.severity !== "breaking");
  lines.push(
    `Contract ${labels.before} (${diff.versions.before}) -> ${labels.after} (${diff.versions.after})`,
    diff.breaking
      ? `BREAKING: ${breaking.length} change(s) can break clients built against ${labels.before}.`
      : diff.edits.length === 0
        ? "No change."
        : "Not breaking: clients built against the earlier contract keep working.",
  );
  if (breaking.length > 0) {
    lines.push("", `Breaking changes (${breaking.length}):`, ...breaking.map((c) => `  ✗ ${c.where}: ${c.what}`));
  }
  if (compatible.length > 0) {
    lines.push(
      "",
      `Other changes for clients (${compatible.length}):`,
      ...compatible.map((c) => `  ✓ ${c.where}: ${c.what}`),
    );
  }
  if (diff.edits.length > 0) {
    lines.push("", `Edited places of the file (${diff.edits.length}, documentation included):`);
    lines.push(...diff.edits.slice(0, shownEdits).map((e) => `  ${e.kind} ${e.pointer}`));
    if (diff.edits.length > shownEdits) lines.push(`  ... and ${diff.edits.length - shownEdits} more`);
  }
  if (diff.requiredBump !== "none") {
    const enough = order[diff.actualBump] >= order[diff.requiredBump];
    lines.push(
      "",
      enough
        ? `Version: info.version moved ${diff.actualBump}, as the policy asks (at least ${diff.requiredBump}).`
        : `Version: this change needs at least a ${diff.requiredBump} bump of info.version and of the packages ` +
            `(docs/decisions/0007-versioning.md); info.version moved ${diff.actualBump === "none" ? "not at all" : diff.actualBump}.`,
    );
  }
  return lines.join("\n");
}
