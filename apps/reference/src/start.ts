/**
 * Serves the built API reference on http://127.0.0.1:4020/ (`PORT` and `HOST` change it). `npm start` at the root
 * builds it first.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createReferenceServer } from "./server.js";

const page = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.html");
if (!existsSync(page)) {
  console.error("[reference] dist/index.html is missing: run npm run build -w @journey-runs/reference first.");
  process.exit(1);
}
const host = process.env.HOST ?? "127.0.0.1";
const port = Number.parseInt(process.env.PORT ?? "4020", 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[reference] PORT must be a whole number from 0 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}
const server = createReferenceServer({ page });
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    `[reference] Cannot listen on ${host}:${port} (${error.code ?? error.message}). Set PORT to a free port.`,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`API reference on http://${host}:${port}/`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
