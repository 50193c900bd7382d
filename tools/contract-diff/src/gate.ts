import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffContracts } from "./diff.js";
import { baseCommit } from "./gate-base.js";
import { contractPath, fileAtRef } from "./git.js";
import type { PullRequestEvent } from "./pull-request-event.js";
import { formatReport } from "./report.js";

/** The label that lets a pull request through the gate with a breaking contract change (docs/decisions/0016). */
export const breakingChangeLabel = "breaking-contract-change";

/** What the gate decided about one pull request. */
export interface GateOutcome {
  /** `breaking` fails the check; `accepted` is a breaking change that carries the label. */
  readonly verdict: "not-breaking" | "accepted" | "breaking";
  /** 1 when the check must fail, 0 otherwise. */
  readonly exitCode: 0 | 1;
  /** The `contract:diff` report, as the log shows it. */
  readonly report: string;
  /** Markdown for the job summary (`$GITHUB_STEP_SUMMARY`). */
  readonly summary: string;
}

/** The job summary is shown on the run's page; GitHub caps it at 1 MiB. */
const maxReportChars = 60_000;

const headlines = {
  "not-breaking": "### ✅ Contract: no breaking change",
  accepted: `### ⚠️ Contract: breaking change, accepted by the \`${breakingChangeLabel}\` label`,
  breaking: "### ❌ Contract: breaking change",
} as const;

const advice = {
  "not-breaking": "Clients built against the base keep working.",
  accepted:
    "The label says the break is meant. Release it with a changeset that bumps the version as " +
    "docs/decisions/0007-versioning.md asks (the report says how much), and set `info.version` to match.",
  breaking:
    "Clients built against the base would break. Make the change compatible, or, if the break is meant, add the " +
    `\`${breakingChangeLabel}\` label to the pull request: the check runs again and passes (docs/decisions/0016).`,
} as const;

/**
 * Compares the contract at the pull request's base ({@link baseCommit}) with the working tree (the pull request's
 * merge commit in CI) and decides: a breaking change fails unless the pull request carries {@link breakingChangeLabel}.
 *
 * @example
 * ```ts
 * const outcome = runGate(readPullRequestEvent(process.env.GITHUB_EVENT_PATH ?? ""), repositoryRoot(process.cwd()));
 * process.exitCode = outcome.exitCode;
 * ```
 */
export function runGate(event: PullRequestEvent, root: string): GateOutcome {
  const base = baseCommit(root, event);
  const before = fileAtRef(root, base.sha, contractPath);
  const diff = diffContracts(before, readFileSync(join(root, contractPath), "utf8"));
  const report = formatReport(diff, { before: `base ${base.sha.slice(0, 12)}`, after: "this pull request" });
  const verdict = !diff.breaking
    ? "not-breaking"
    : event.labels.includes(breakingChangeLabel)
      ? "accepted"
      : "breaking";
  const shown =
    report.length > maxReportChars ? `${report.slice(0, maxReportChars)}\n... (cut: see the job's log)` : report;
  const summary = [headlines[verdict], "", advice[verdict], "", "```text", shown.replaceAll("```", "'''"), "```", ""];
  return { verdict, exitCode: verdict === "breaking" ? 1 : 0, report, summary: summary.join("\n") };
}
