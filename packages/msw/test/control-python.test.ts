import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const PACKAGE = fileURLToPath(new URL("../", import.meta.url));
const BIN = fileURLToPath(new URL("../dist/server/cli.js", import.meta.url));

/** Why the Python suite cannot run here, or `undefined` when python3 and boto3 are available. */
function missing(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import boto3, botocore; print(boto3.__version__)"], { encoding: "utf8" });
  if (probe.error) return `python3 is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `boto3 is not importable by python3: ${probe.stderr.trim().split("\n").at(-1)}`;
  return undefined;
}

const reason = missing();
const inCi = process.env.CI === "true";
if (reason && !inCi) console.warn(`[control-python] skipping the boto3 conformance suite: ${reason}.`);

test.skipIf(reason !== undefined && !inCi)(
  "the boto3 conformance suite (python3 -m unittest, test/python) passes against the built bin",
  () => {
    expect(reason, "CI=true needs python3 with boto3: the CI image ships them").toBeUndefined();
    const run = spawnSync("python3", ["-m", "unittest", "discover", "-s", "test/python", "-v"], {
      cwd: PACKAGE,
      encoding: "utf8",
      env: { ...process.env, JOURNEY_RUNS_MOCK_BIN: BIN, PYTHONDONTWRITEBYTECODE: "1" },
      timeout: 180_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/Ran 6 tests/);
    expect(output).toMatch(/\nOK\n/);
  },
  200_000,
);
