import { defineConfig } from "vitest/config";

// The tests run in Node and drive Chromium; the page itself is served by Vite (vite.config.ts).
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
