// `npm start`: serves the page that `vite build` just made on 127.0.0.1 (PORT, default 5173) until stopped.
import { fileURLToPath } from "node:url";
import { startStaticServer } from "./static-server.js";

const root = fileURLToPath(new URL("../dist/", import.meta.url));
const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT="${process.env.PORT}" is not a port number: use one from 1 to 65535, e.g. PORT=5174 npm start.`);
  process.exit(1);
}

try {
  const server = await startStaticServer({ root, port });
  console.log(`Journey runs viewer: ${server.url}`);
  console.log("  data: the in-page fake of Pinpoint (MSW service worker), with the AWS example journey.");
  console.log(`  on journey-runs-mock instead (npm run mock): ${server.url}?endpoint=http://127.0.0.1:4010`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(
    code === "EADDRINUSE"
      ? `Port ${port} on 127.0.0.1 is taken: stop what uses it, or choose another port, e.g. PORT=5174 npm start.`
      : `The viewer could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
