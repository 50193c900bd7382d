#!/usr/bin/env node
// `npm run audit -w @journey-runs/reliability`: the production dependency audit for CI (see docs/reliability.md).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type AuditVerdict, auditVerdict } from "./audit-verdict.js";

/** How to run the audit: which command, from where. Tests swap in a fake npm. */
export interface AuditCommand {
  command: string;
  args: string[];
  cwd: string;
}

/** `npm audit --omit=dev --json` at the root of the repository. */
export const NPM_AUDIT: AuditCommand = {
  command: process.platform === "win32" ? "npm.cmd" : "npm",
  args: ["audit", "--omit=dev", "--json"],
  cwd: fileURLToPath(new URL("../../..", import.meta.url)),
};

/** Runs the audit; returns the verdict, the line to print and the exit code (0 only for pass and unavailable). */
export const runAudit = (how: AuditCommand = NPM_AUDIT): { verdict: AuditVerdict; line: string; exitCode: number } => {
  const result = spawnSync(how.command, how.args, { cwd: how.cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const verdict = result.error
    ? ({ kind: "error", reason: `could not run ${how.command}: ${result.error.message}` } as const)
    : auditVerdict(result.stdout);
  switch (verdict.kind) {
    case "pass": {
      const counts = Object.entries(verdict.counts)
        .map(([severity, count]) => `${severity} ${count}`)
        .join(", ");
      return {
        verdict,
        line: `audit passed: no high or critical advisory in production dependencies (${counts})`,
        exitCode: 0,
      };
    }
    case "fail":
      return {
        verdict,
        line: `audit failed: ${verdict.advisories.map((a) => `${a.name} (${a.severity})`).join(", ") || "high or critical advisories"}. Run npm audit --omit=dev for details.`,
        exitCode: 1,
      };
    case "unavailable":
      return { verdict, line: `audit unavailable: ${verdict.reason}`, exitCode: 0 };
    default:
      return { verdict, line: `audit error: ${verdict.reason}`, exitCode: 1 };
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { line, exitCode } = runAudit();
  (exitCode === 0 ? process.stdout : process.stderr).write(`${line}\n`);
  process.exitCode = exitCode;
}
