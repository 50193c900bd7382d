// @ts-check
/**
 * The Python package (python/) and its example consumer (examples/python) as CI runs them: python/ci.sh builds
 * the wheel, installs it in fresh virtual environments, runs the plugin's tests and the example with and without
 * pytest-xdist. Skipped with the reason printed where python3 cannot make a venv; under CI=true that is a failure.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const script = fileURLToPath(new URL("../../../python/ci.sh", import.meta.url));

/** Why python/ci.sh cannot run here, or `undefined`. */
function missing() {
  const probe = spawnSync(
    "python3",
    [
      "-c",
      "import venv, pip; v = tuple(map(int, pip.__version__.split('.')[:2])); assert v >= (22, 3), pip.__version__",
    ],
    { encoding: "utf8" },
  );
  if (probe.error) return `python3 is not installed (${probe.error.message})`;
  if (probe.status !== 0)
    return `python3 lacks venv or a pip >= 22.3 (pip --python): ${probe.stderr.trim().split("\n").at(-1)}`;
  return undefined;
}

const reason = missing();
const inCi = process.env.CI === "true";
if (reason && !inCi)
  console.warn(`[python] skipping python/ci.sh (the Python package and examples/python): ${reason}.`);

test.skipIf(reason !== undefined && !inCi)(
  "python/ci.sh: the wheel installs in a fresh venv, the plugin's tests and examples/python pass, also with -n 2",
  () => {
    expect(reason, "CI=true needs python3 with venv and pip >= 22.3: the CI image ships them").toBeUndefined();
    const run = spawnSync("bash", [script], { encoding: "utf8", timeout: 20 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    const output = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) console.error(output);
    expect(run.status, output.slice(-4000)).toBe(0);
    expect(output).toMatch(/\[python\] every Python run passed/);
    console.log(
      output
        .split("\n")
        .filter((line) => /^\[python\]|passed in|^plugin reset/.test(line))
        .join("\n"),
    );
  },
  21 * 60_000,
);
