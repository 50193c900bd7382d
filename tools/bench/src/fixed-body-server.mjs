// The baseline of the server budgets: a plain node:http server that answers with bytes the fake sent.
// FIXED_BODY: one body for every request. ANSWERS_FILE: a JSON list of recorded answers `[{ status, body }]`; a
// request gets the answer that its `x-bench-step` header names (an index), so each request of a mix gets the very
// status and bytes the fake answered it with. Request bodies are read and dropped, as the fake reads them.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const fixed = Buffer.from(process.env.FIXED_BODY ?? "{}");
const answers = process.env.ANSWERS_FILE
  ? JSON.parse(readFileSync(process.env.ANSWERS_FILE, "utf8")).map((a) => ({
      status: a.status,
      body: Buffer.from(a.body),
    }))
  : undefined;
const server = createServer((req, res) => {
  const answer = answers?.[Number(req.headers["x-bench-step"])] ?? { status: 200, body: fixed };
  req.resume();
  req.once("end", () => {
    res
      .writeHead(answer.status, { "Content-Type": "application/json", "Content-Length": answer.body.length })
      .end(answer.body);
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
