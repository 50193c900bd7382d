// @ts-check
/**
 * Reads the test counts out of an example's output, whatever runner printed it: vitest (`Tests  1 failed | 7 passed
 * (8)`), Jest (`Tests:       1 failed, 7 passed, 8 total`) or node:test (`ℹ pass 7` / `# pass 7`).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters by definition.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * @param {string} output what the example's `npm test` printed (stdout and stderr)
 * @returns {{ runner: "vitest" | "jest" | "node:test", passed: number, failed: number, skipped: number } | undefined}
 *   the sum over every summary found, or undefined when none was printed
 */
export function readTestCounts(output) {
  const lines = output.replace(ANSI, "").split("\n");
  /** @type {{ runner: "vitest" | "jest" | "node:test", passed: number, failed: number, skipped: number } | undefined} */
  let total;
  /** @param {"vitest" | "jest" | "node:test"} runner @param {string} kind @param {number} count */
  const add = (runner, kind, count) => {
    total ??= { runner, passed: 0, failed: 0, skipped: 0 };
    if (kind === "passed" || kind === "pass") total.passed += count;
    else if (kind === "failed" || kind === "fail") total.failed += count;
    else if (kind === "skipped" || kind === "skip" || kind === "todo") total.skipped += count;
  };
  for (const line of lines) {
    const vitest = /\bTests\s+((?:\d+ \w+(?: \| )?)+)\s+\(\d+\)\s*$/.exec(line);
    const jest = /^\s*Tests:\s+(.*\d+ total)\s*$/.exec(line);
    const node = /^(?:ℹ|#) (pass|fail|skipped|skip|todo) (\d+)\s*$/.exec(line);
    if (vitest?.[1]) {
      for (const part of vitest[1].split("|")) {
        const [count, kind] = part.trim().split(" ");
        add("vitest", kind ?? "", Number(count));
      }
    } else if (jest?.[1]) {
      for (const part of jest[1].split(",")) {
        const [count, kind] = part.trim().split(" ");
        add("jest", kind ?? "", Number(count));
      }
    } else if (node?.[1] && node[2]) {
      add("node:test", node[1], Number(node[2]));
    }
  }
  return total;
}
