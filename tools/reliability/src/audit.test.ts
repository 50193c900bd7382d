import { describe, expect, it } from "vitest";
import { runAudit } from "./audit.js";
import { type AuditVerdict, auditVerdict } from "./audit-verdict.js";

const counts = (high = 0, critical = 0, moderate = 0) => ({
  info: 0,
  low: 0,
  moderate,
  high,
  critical,
  total: high + critical + moderate,
});
const report = (vulnerabilities: Record<string, { severity: string }>, metadata: Record<string, number>) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: metadata, dependencies: { prod: 12, dev: 0, total: 12 } },
});
/** What npm 11 printed on this machine, where the registry answers the audit endpoint with 405. */
const REGISTRY_405 = {
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  method: "POST",
  uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  headers: { allow: ["GET,HEAD"] },
  statusCode: 405,
  body: "",
  error: { summary: "", detail: "" },
};

describe("auditVerdict", () => {
  it.each<[string, unknown, AuditVerdict["kind"], RegExp?]>([
    ["a clean report", report({}, counts()), "pass"],
    ["a moderate advisory only", report({ "left-pad": { severity: "moderate" } }, counts(0, 0, 1)), "pass"],
    ["a high advisory", report({ semver: { severity: "high" } }, counts(1)), "fail", /semver/],
    ["a critical advisory", report({ "xml-crypt": { severity: "critical" } }, counts(0, 1)), "fail", /critical/],
    ["counts that say high without entries", report({}, counts(2)), "fail"],
    ["the registry's 405 on the audit endpoint", REGISTRY_405, "unavailable", /answered 405/],
    [
      "an unreachable registry",
      { error: { code: "ENOTFOUND", summary: "getaddrinfo ENOTFOUND registry.npmjs.org", detail: "" } },
      "unavailable",
      /ENOTFOUND/,
    ],
    [
      "a missing lockfile",
      { error: { code: "ENOLOCK", summary: "This command requires an existing lockfile." } },
      "error",
      /lockfile/,
    ],
    [
      "a 404 of another URL",
      { ...REGISTRY_405, statusCode: 404, uri: "https://registry.npmjs.org/some-package" },
      "error",
    ],
  ])("reads %s", (_, json, kind, detail) => {
    const verdict = auditVerdict(JSON.stringify(json));
    expect(verdict.kind).toBe(kind);
    if (detail) expect(JSON.stringify(verdict)).toMatch(detail);
  });

  it("reads output that is not JSON as an error, not as unavailable", () => {
    expect(auditVerdict("npm ERR! something").kind).toBe("error");
  });
});

describe("runAudit (with a stand-in for npm)", () => {
  const fakeNpm = (json: unknown, exitCode: number) => ({
    command: process.execPath,
    args: ["-e", `process.stdout.write(${JSON.stringify(JSON.stringify(json))}); process.exit(${exitCode})`],
    cwd: process.cwd(),
  });

  it("exits 0 with 'audit unavailable: <reason>' only when the advisory endpoint cannot be reached", () => {
    const { line, exitCode } = runAudit(fakeNpm(REGISTRY_405, 1));
    expect(line).toBe(
      "audit unavailable: the registry's audit endpoint answered 405 (POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk)",
    );
    expect(exitCode).toBe(0);
  });

  it("exits 1 on a high advisory, naming it", () => {
    const { line, exitCode } = runAudit(fakeNpm(report({ semver: { severity: "high" } }, counts(1)), 1));
    expect(line).toMatch(/^audit failed: semver \(high\)/);
    expect(exitCode).toBe(1);
  });

  it("exits 0 on a clean report, and 1 when npm cannot be run or prints garbage", () => {
    expect(runAudit(fakeNpm(report({}, counts()), 0)).exitCode).toBe(0);
    expect(runAudit({ command: "/nonexistent/npm", args: [], cwd: process.cwd() }).exitCode).toBe(1);
    expect(
      runAudit({ command: process.execPath, args: ["-e", "console.log('hi')"], cwd: process.cwd() }).exitCode,
    ).toBe(1);
  });
});
