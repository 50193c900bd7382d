import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // One TypeScript program over every README block takes a few seconds on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
