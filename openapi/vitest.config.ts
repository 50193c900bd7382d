import { defineConfig } from "../tools/workflows/src/vitest-config.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file bundles the Spectral ruleset once and some spawn the Spectral CLI: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
