import { defineConfig } from "../../tools/workflows/src/vitest-config.mjs";

// The size gate of the client (test/bundle.test.ts): bundles the built packages, so `^build` runs first (turbo).
export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
