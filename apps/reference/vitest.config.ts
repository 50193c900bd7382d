import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
