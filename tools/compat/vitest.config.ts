import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // npm pack --dry-run starts npm once per public package.
    testTimeout: 60_000,
  },
});
