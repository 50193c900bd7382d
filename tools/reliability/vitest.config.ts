import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Fault tests run real servers on 127.0.0.1 and count the process's open handles: one file at a time per worker.
    testTimeout: 30_000,
  },
});
