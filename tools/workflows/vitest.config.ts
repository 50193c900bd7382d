import { defineConfig } from "./src/vitest-config.mjs";

export default defineConfig({
  // The inlined parser ships source maps without their sources: Vite would warn about each file.
  logLevel: "error",
  test: {
    include: ["test/**/*.test.ts"],
    // The release test runs `npm publish --dry-run` three times: seconds on a busy two-core machine.
    testTimeout: 60_000,
    // @actions/workflow-parser imports its JSON schema without `with { type: "json" }`, which Node 20 refuses;
    // through Vite's transform the import works.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
