import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The command tests start Node with tsx a few times each: seconds on a busy two-core machine.
    testTimeout: 30_000,
  },
});
