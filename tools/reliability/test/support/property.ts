import fc from "fast-check";
import { expect } from "vitest";
import { propertySettings, RUNS_VARIABLE } from "../../src/fc-settings.js";

/**
 * Runs a fast-check property with the suite's seed and number of runs, prints both (so a failure can be replayed),
 * and fails the test with fast-check's report (seed, path, counterexample) on failure.
 */
export const checkProperty = async <Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  defaultRuns: number,
  parameters: Omit<fc.Parameters<Ts>, "seed" | "numRuns"> = {},
): Promise<void> => {
  const { seed, numRuns } = propertySettings(defaultRuns);
  const test = expect.getState().currentTestName ?? "unnamed test";
  console.info(`[reliability] ${test}: seed ${seed}, ${numRuns} runs (${RUNS_VARIABLE}=N to run longer)`);
  const details = await fc.check(property, { ...parameters, seed, numRuns });
  if (details.failed) {
    const report = fc.defaultReportMessage(details) ?? `property failed (seed ${seed})`;
    const cause = details.errorInstance;
    throw new Error(`${report}\n\nFailure: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
};
