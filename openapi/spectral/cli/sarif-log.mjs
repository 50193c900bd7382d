// @ts-check
/**
 * SARIF 2.1.0 from Spectral's `json` results. Spectral's own `sarif` formatter cannot be used with this ruleset: it
 * lists every rule of the ruleset, the OWASP ruleset has a rule with an empty description
 * (`owasp:api5:2023-admin-security-unique`), and its SARIF builder then refuses to write anything ("Your SARIF log
 * is invalid, please solve SARIF_BUILDER_INVALID messages"; stoplightio/spectral#2610). This writes the same
 * document for the rules that have results.
 */

/** A result as Spectral's `json` format prints it. */
/** @typedef {{ code: string | number; message: string; severity: number; source?: string;
 *   range: { start: { line: number; character: number }; end: { line: number; character: number } } }} SpectralResult */

/** Spectral's severities (0 error ... 3 hint) as SARIF levels, as Spectral's formatter maps them. */
const levels = ["error", "warning", "note", "note"];

/**
 * The SARIF log of a Spectral run.
 *
 * @param {SpectralResult[]} results Spectral's `json` output.
 * @param {{ version: string; uri: (source: string) => string }} options Spectral's version, and how a result's
 *   `source` becomes the artifact URI (relative to the repository, for code scanning).
 * @returns {object} A SARIF 2.1.0 log with one run.
 */
export function sarifLog(results, { version, uri }) {
  const ruleIds = [...new Set(results.map((result) => String(result.code)))].sort();
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "spectral",
            version,
            informationUri: "https://github.com/stoplightio/spectral",
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        results: results.map((result) => ({
          ruleId: String(result.code),
          ruleIndex: ruleIds.indexOf(String(result.code)),
          level: levels[result.severity] ?? "error",
          message: { text: result.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(result.source ?? "") },
                region: {
                  startLine: result.range.start.line + 1,
                  startColumn: result.range.start.character + 1,
                  endLine: result.range.end.line + 1,
                  endColumn: result.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}
