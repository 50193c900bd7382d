import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The command tests start Node with tsx a few times each: seconds on a busy two-core machine.
    testTimeout: 30_000,
  },
});
