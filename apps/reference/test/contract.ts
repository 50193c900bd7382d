import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The contract, parsed. */
export const contract = parse(readFileSync(join(appDir, "..", "..", "openapi", "journey-runs.yaml"), "utf8")) as {
  info: { version: string };
  paths: Record<string, { get: { responses: Record<string, unknown> } }>;
  components: {
    schemas: { ErrorType: { enum: string[] } };
    responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
  };
};

/** The built page, or a message that says how to build it. */
export function builtPage(): string {
  const path = join(appDir, "dist", "index.html");
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new Error(`${path} is missing: run npm run build -w @journey-runs/reference (turbo runs it before test).`);
  }
}
