// The baseline of the throughput budget: a plain node:http server that answers every request with one fixed body.
import { createServer } from "node:http";

const body = Buffer.from(process.env.FIXED_BODY ?? "{}");
const server = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length }).end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
