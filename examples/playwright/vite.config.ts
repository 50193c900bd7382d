import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The page of the example: `npm run dev`, or started by the tests in development mode (StrictMode is on).
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1" },
});
