#!/usr/bin/env node
/**
 * `tsx tools/codegen/src/cli.ts msw|control-limits --out FILE [--contract FILE] [--check]`: writes (or, with
 * `--check`, compares) the contract module (`msw`) or the control plane's bounds (`control-limits`) of `@journey-runs/msw`. Exit codes: 0 done, 1 stale or failed, 2 usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ContractError, generateControlLimits, generateMswContract } from "./index.js";

const openapi = resolve(dirname(fileURLToPath(import.meta.url)), "../../../openapi");
/** Each target: the contract it reads by default and how it makes its module. */
const TARGETS: Record<string, { contract: string; generate: (text: string) => string }> = {
  msw: { contract: resolve(openapi, "journey-runs.yaml"), generate: generateMswContract },
  "control-limits": { contract: resolve(openapi, "journey-runs-mock-control.yaml"), generate: generateControlLimits },
};
const usage = "usage: codegen msw|control-limits --out FILE [--contract FILE] [--check]";

function main(argv: string[]): number {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  const options = {
    out: { type: "string" },
    contract: { type: "string" },
    check: { type: "boolean", default: false },
  } as const;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`codegen: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const target = TARGETS[positionals[0] ?? ""];
  if (target === undefined || positionals.length !== 1 || !values.out) {
    process.stderr.write(`codegen: name the target (msw or control-limits) and --out.\n${usage}\n`);
    return 2;
  }
  const out = resolve(values.out);
  const text = target.generate(readFileSync(values.contract ?? target.contract, "utf8"));
  if (values.check) {
    let current = "";
    try {
      current = readFileSync(out, "utf8");
    } catch {
      // A missing file is stale too.
    }
    if (current === text) return 0;
    process.stderr.write(`codegen: ${out} is stale; run \`npm run generate\`.\n`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`codegen: wrote ${out}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ContractError)) throw error;
  process.stderr.write(`codegen: ${error.message}\n`);
  process.exitCode = 1;
}
