/**
 * `npm run contract:diff -- <git-ref>`: what changed in openapi/journey-runs.yaml since <git-ref>, and whether it
 * breaks clients. Exit code 1 when it does, 0 when it does not, 2 when the comparison could not be made.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { diffContracts } from "./diff.js";
import { contractPath, fileAtRef, repositoryRoot } from "./git.js";
import { formatReport } from "./report.js";

const usage = `Usage:
  npm run contract:diff -- <git-ref>                  the contract at <git-ref> against the working tree
  npm run contract:diff -- --base <file> [--head <file>]  two files (the head defaults to the working tree's)
Options: --repo <dir> (default: the repository of the current folder), --json (machine-readable output)
Exit code: 0 not breaking, 1 breaking, 2 could not compare.`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      repo: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  // npm runs scripts in the workspace folder, and turbo starts npm there too: a relative path is looked up from
  // the folder the user started npm in, then from the repository's root.
  const from = process.env.INIT_CWD ?? process.cwd();
  const root = () => repositoryRoot(values.repo === undefined ? from : resolve(from, values.repo));
  const path = (file: string) => {
    if (isAbsolute(file)) return file;
    const candidates = [resolve(from, file), resolve(repositoryRoot(from), file)];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found === undefined)
      throw new Error(`[contract-diff] No file ${file} (looked for ${candidates.join(" and ")}).`);
    return found;
  };
  const [ref] = positionals;
  if ((ref === undefined) === (values.base === undefined) || positionals.length > 1) {
    throw new Error(`[contract-diff] Give one git ref, or --base <file>.\n${usage}`);
  }
  const before =
    ref === undefined ? readFileSync(path(values.base as string), "utf8") : fileAtRef(root(), ref, contractPath);
  const headFile = values.head === undefined ? join(root(), contractPath) : path(values.head);
  const diff = diffContracts(before, readFileSync(headFile, "utf8"));
  const labels = { before: ref ?? (values.base as string), after: values.head ?? "working tree" };
  console.log(values.json ? JSON.stringify({ ...labels, ...diff }, null, 2) : formatReport(diff, labels));
  return diff.breaking ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
