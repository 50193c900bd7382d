import { defineConfig } from "vite";

// The page is served from the root of its origin: the MSW worker (public/mockServiceWorker.js, made by `msw init`
// in the build script) then controls every request the page makes.
export default defineConfig({
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 5173 },
  build: { outDir: "dist", target: "es2022", sourcemap: true },
});
