/**
 * Builds `dist/index.html`, the API reference of GetJourneyRuns, from `openapi/journey-runs.yaml` with Redocly CLI
 * `build-docs` (docs/decisions/0006-api-reference-tool.md). Everything the page needs is inlined (`--inlineBundle`);
 * telemetry and update checks are off, so the build works without network access.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { withContentSecurityPolicy } from "./content-security-policy.js";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const contract = join(appDir, "..", "..", "openapi", "journey-runs.yaml");
const output = join(appDir, "dist", "index.html");

rmSync(join(appDir, "dist"), { recursive: true, force: true });
const result = spawnSync(
  "redocly",
  [
    "build-docs",
    relative(appDir, contract),
    "--output",
    relative(appDir, output),
    "--inlineBundle",
    // Show example payloads unfolded: a reader should see every value without clicking.
    "--openapi.jsonSamplesExpandLevel=all",
    "--title",
    "GetJourneyRuns API reference",
  ],
  {
    cwd: appDir,
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  },
);
if (result.error !== undefined) {
  throw new Error(`[reference] Could not run redocly (${result.error.message}). Run the build with npm run build.`);
}
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}
writeFileSync(output, withContentSecurityPolicy(readFileSync(output, "utf8")));
