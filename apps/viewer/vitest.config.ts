import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/component/**/*.test.ts", "test/bundle-size.test.ts"],
          environment: "node",
        },
      },
      {
        // One Chromium for the whole file, driven by playwright-core against the built page (dist/).
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
