import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // npm pack --dry-run starts npm once per public package.
    testTimeout: 60_000,
  },
});
