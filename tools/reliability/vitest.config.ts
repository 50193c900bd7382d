import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

// A long local run (JOURNEY_RUNS_FC_RUNS=10000) may take minutes per property: no per-test limit then.
const longRun = Boolean(process.env.JOURNEY_RUNS_FC_RUNS);

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: longRun ? 24 * 3_600_000 : 30_000,
  },
});
