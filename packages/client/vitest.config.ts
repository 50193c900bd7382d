import { fileURLToPath } from "node:url";
import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

export default defineConfig({
  // Unit tests import the sources: `#crypto` is the Node variant there (the browser one is tested by name).
  resolve: { alias: { "#crypto": fileURLToPath(new URL("./src/crypto/node.ts", import.meta.url)) } },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "public-api",
          include: ["test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
    ],
  },
});
