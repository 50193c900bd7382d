/** Severities at which the production audit fails. */
export const BLOCKING = ["high", "critical"] as const;

/** What `npm audit --omit=dev --json` said, for CI. */
export type AuditVerdict =
  | { kind: "pass"; counts: Record<string, number> }
  | { kind: "fail"; advisories: { name: string; severity: string }[] }
  | { kind: "unavailable"; reason: string }
  | { kind: "error"; reason: string };

type Json = Record<string, unknown>;

/** Network error codes that mean the advisory endpoint could not be reached at all. */
const UNREACHABLE =
  /^(E(CONN(REFUSED|RESET)|NOTFOUND|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH)|ETIMEDOUT|ERR_SOCKET_TIMEOUT|UND_ERR_\w+)$/;

/**
 * Reads the JSON that `npm audit --omit=dev --json` printed. It fails on any high or critical advisory, passes on
 * a report without them, and says "unavailable" only when npm could not get advisories from the registry (the audit
 * endpoint answered an HTTP error, or could not be reached); anything else it cannot read is an error.
 */
export const auditVerdict = (stdout: string): AuditVerdict => {
  let report: Json;
  try {
    report = JSON.parse(stdout) as Json;
  } catch {
    return { kind: "error", reason: `npm audit printed no JSON report: ${JSON.stringify(stdout.slice(0, 200))}` };
  }
  const metadata = report.metadata as { vulnerabilities?: Record<string, number> } | undefined;
  if (metadata?.vulnerabilities && report.vulnerabilities && typeof report.vulnerabilities === "object") {
    const advisories = Object.entries(report.vulnerabilities as Record<string, { severity?: string }>)
      .filter(([, entry]) => (BLOCKING as readonly string[]).includes(String(entry.severity)))
      .map(([name, entry]) => ({ name, severity: String(entry.severity) }));
    const blocking = BLOCKING.reduce((sum, severity) => sum + (metadata.vulnerabilities?.[severity] ?? 0), 0);
    if (advisories.length > 0 || blocking > 0) return { kind: "fail", advisories };
    return { kind: "pass", counts: metadata.vulnerabilities };
  }
  const error = (report.error ?? {}) as Json;
  const status = report.statusCode;
  const uri = typeof report.uri === "string" ? report.uri : "";
  if (typeof status === "number" && /\/-\/npm\/v1\/security\//.test(uri)) {
    return {
      kind: "unavailable",
      reason: `the registry's audit endpoint answered ${status} (${report.method ?? "POST"} ${uri})`,
    };
  }
  const code = String(error.code ?? report.code ?? "");
  if (UNREACHABLE.test(code)) {
    return {
      kind: "unavailable",
      reason: `the registry could not be reached (${code}: ${String(error.summary ?? "")})`,
    };
  }
  return {
    kind: "error",
    reason: `npm audit failed: ${String(error.summary ?? report.message ?? (code || "no report and no known error"))}`,
  };
};
