#!/usr/bin/env node
// journey-runs-mock: serves the fake of GetJourneyRuns over HTTP until SIGINT or SIGTERM.
import { readFileSync } from "node:fs";
import { parseCli, USAGE } from "./cli-options.js";
import { startMockServer } from "./mock-server.js";

const command = parseCli(process.argv.slice(2), process.env);
if (command.kind === "help") {
  process.stdout.write(USAGE);
} else if (command.kind === "version") {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else if (command.kind === "error") {
  process.stderr.write(`journey-runs-mock: ${command.message}\n`);
  process.exitCode = 2;
} else {
  const log = command.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  try {
    const server = await startMockServer({ ...command.options, ...(log ? { log } : {}) });
    process.stdout.write(`${server.url}\n`);
    const stop = () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "INVALID_DATA" || code === "CONTROL_TOKEN_REQUIRED") {
      process.stderr.write(`journey-runs-mock: ${message}\n`);
      process.exit(code === "INVALID_DATA" ? 1 : 2);
    }
    const hint = code === "EADDRINUSE" ? " Pick another --port, or --port 0 for a free one." : "";
    process.stderr.write(`journey-runs-mock: cannot listen: ${message}.${hint}\n`);
    process.exitCode = 1;
  }
}
