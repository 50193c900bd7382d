import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { runLintContract } from "./support/cli.js";
import { brokenContract, readContract } from "./support/fixtures.js";
import { CONTRACT_DIR, FIXTURES_DIR } from "./support/paths.js";

/** One `::level props::message` workflow command, its properties unescaped as the runner reads them. */
interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

const unescapeProperty = (value: string) =>
  value.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function annotations(stdout: string): Annotation[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("::"))
    .map((line) => {
      const match = /^::(\w+) (.*?)::(.*)$/.exec(line);
      if (match === null) throw new Error(`not a workflow command: ${line}`);
      const props = Object.fromEntries(
        (match[2] ?? "").split(",").map((prop) => {
          const at = prop.indexOf("=");
          return [prop.slice(0, at), unescapeProperty(prop.slice(at + 1))];
        }),
      );
      return { level: match[1] ?? "", props, message: match[3] ?? "" };
    });
}

const schema = JSON.parse(readFileSync(join(FIXTURES_DIR, "sarif", "sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema's `language` pattern has a stray `]`, which only a non-Unicode RegExp accepts (as a literal).
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the contract`);
  return index + 1;
}

const work = mkdtempSync(join(tmpdir(), "contract-lint-github-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let sarifPath = "";
let runs = 0;

describe("npm run lint:contract in GitHub Actions (GITHUB_ACTIONS=true)", () => {
  beforeEach(() => {
    sarifPath = join(work, `run-${++runs}.sarif`);
    vi.stubEnv("GITHUB_ACTIONS", "true");
    // The scratch folder of runLintContract is under the contract's folder: paths are read from there.
    vi.stubEnv("GITHUB_WORKSPACE", CONTRACT_DIR);
    vi.stubEnv("CONTRACT_LINT_SARIF", sarifPath);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test("a broken example yields error annotations naming the file, the line and the rule, after the human report", async () => {
    const contract = brokenContract("status-done.yaml");
    const run = await runLintContract(contract);
    expect(run.status).toBe(1);
    const found = annotations(run.stdout);
    expect(found.map((a) => a.props.title).sort()).toEqual(["journey-runs-valid-examples", "oas3-valid-media-example"]);
    for (const annotation of found) {
      expect(annotation.level).toBe("error");
      expect(annotation.props.file).toMatch(/^node_modules\/\.cache\/contract-lint\/run-[^/,]+\/journey-runs\.yaml$/);
      expect(Number(annotation.props.line)).toBe(lineOf(contract, "Status: DONE"));
      expect(annotation.message).toContain("SCHEDULED");
    }
    // The human report comes first, unchanged.
    expect(run.stdout.indexOf("2 problems (2 errors")).toBeGreaterThan(-1);
    expect(run.stdout.indexOf("2 problems (2 errors")).toBeLessThan(run.stdout.indexOf("::error"));
  });

  test("the same run writes a SARIF 2.1.0 log that validates against the schema and has the same findings", async () => {
    const contract = brokenContract("status-done.yaml");
    const run = await runLintContract(contract);
    const log = JSON.parse(readFileSync(sarifPath, "utf8")) as SarifLog;
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
    expect(log.version).toBe("2.1.0");
    const [sarifRun] = log.runs;
    expect(sarifRun?.tool.driver.name).toBe("spectral");
    const fromSarif = (sarifRun?.results ?? []).map((r) => {
      const where = r.locations[0]?.physicalLocation;
      return `${r.level} ${r.ruleId} ${where?.artifactLocation.uri}:${where?.region.startLine}`;
    });
    const fromAnnotations = annotations(run.stdout).map(
      (a) => `${a.level} ${a.props.title} ${a.props.file}:${a.props.line}`,
    );
    expect(fromSarif.length).toBe(2);
    expect(fromSarif.sort()).toEqual(fromAnnotations.sort());
  });

  test("warnings and information become warning and notice annotations, their rule names escaped", async () => {
    const run = await runLintContract(brokenContract("concerning-url-parameter.yaml"));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::notice title=owasp%3Aapi7%3A2023-concerning-url-parameter,file=/m);
    const warned = await runLintContract(brokenContract("unused-schema.yaml"));
    expect(annotations(warned.stdout).map((a) => `${a.level} ${a.props.title}`)).toEqual([
      "warning oas3-unused-component",
    ]);
    const log = JSON.parse(readFileSync(sarifPath, "utf8")) as SarifLog;
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
    expect(log.runs[0]?.results.map((r) => r.level)).toEqual(["warning"]);
  });

  test("the contract as it is: exit 0, no annotation, and an empty SARIF log that still validates", async () => {
    const run = await runLintContract(readContract());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(annotations(run.stdout)).toEqual([]);
    const log = JSON.parse(readFileSync(sarifPath, "utf8")) as SarifLog;
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
    expect(log.runs[0]?.results).toEqual([]);
  });

  test("lints every contract it is given: the annotations and the SARIF log name each file", async () => {
    // A second contract under the contract's folder (so its path is relative to the workspace), not named
    // journey-runs.yaml: the ruleset's overrides for that file do not apply to it, so it has findings of its own.
    const second = join(CONTRACT_DIR, "node_modules", ".cache", "contract-lint", `second-${process.pid}.yaml`);
    mkdirSync(dirname(second), { recursive: true });
    writeFileSync(second, brokenContract("unused-schema.yaml"));
    try {
      const run = await runLintContract(brokenContract("status-done.yaml"), ` ${second}`);
      expect(run.status).toBe(1);
      const files = new Set(annotations(run.stdout).map((a) => a.props.file?.split("/").at(-1)));
      expect([...files].sort()).toEqual(["journey-runs.yaml", `second-${process.pid}.yaml`]);
      const log = JSON.parse(readFileSync(sarifPath, "utf8")) as SarifLog;
      expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
      const uris = new Set(log.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
      expect(uris).toContain(`node_modules/.cache/contract-lint/second-${process.pid}.yaml`);
      expect(uris.size).toBe(2);
    } finally {
      rmSync(second, { force: true });
    }
  });

  test("a --format chosen on the command line is left alone: no annotation, no SARIF", async () => {
    const run = await runLintContract(brokenContract("status-done.yaml"), " --format json");
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
    expect(existsSync(sarifPath)).toBe(false);
  });

  test("outside GitHub Actions: the human report only, no SARIF", async () => {
    vi.stubEnv("GITHUB_ACTIONS", "");
    const run = await runLintContract(brokenContract("status-done.yaml"));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("2 problems (2 errors");
    expect(annotations(run.stdout)).toEqual([]);
    expect(existsSync(sarifPath)).toBe(false);
  });
});
