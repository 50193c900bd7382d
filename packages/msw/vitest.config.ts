import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

// Property tests and child processes share 2 CPUs with every other package's tests under turbo: limits are for hangs,
// not speed (speed is measured by `npm run bench`), so they are generous, as in tools/reliability. Each project
// `extends` this file: without it a project keeps Vitest's defaults (5 s) instead of these.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
    ],
  },
});
