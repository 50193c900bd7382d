#!/usr/bin/env node
// journey-runs-mock: serves the fake of GetJourneyRuns over HTTP until SIGINT or SIGTERM.
import { readFileSync } from "node:fs";
import { JourneyRunsMockError } from "../core/errors.js";
import { parseCli, USAGE } from "./cli-options.js";
import { DataFileError } from "./data/data-errors.js";
import { startMockServer } from "./mock-server.js";
import { createOutput } from "./output.js";
import { watchParent } from "./watch-parent.js";

const out = createOutput(process.stdout);
const err = createOutput(process.stderr);
const command = parseCli(process.argv.slice(2), process.env);
if (command.kind === "help") {
  out.write(USAGE);
} else if (command.kind === "version") {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  out.write(`${pkg.version}\n`);
} else if (command.kind === "error") {
  err.write(`journey-runs-mock: ${command.message}\n`);
  process.exitCode = 2;
} else {
  const log = command.quiet ? undefined : (line: string) => out.write(`${line}\n`);
  try {
    const server = await startMockServer({ ...command.options, ...(log ? { log } : {}) });
    let stopping = false;
    const stop = (reason: string) => {
      // A second signal cuts what is still in flight at once.
      if (stopping) return void server.close({ graceMs: 0 });
      stopping = true;
      err.write(`journey-runs-mock: ${reason}: finishing requests in flight (up to ${command.graceMs} ms)\n`);
      server.close({ graceMs: command.graceMs }).then(({ cut }) => {
        err.write(
          cut === 0
            ? "journey-runs-mock: stopped; every request was answered\n"
            : `journey-runs-mock: stopped; cut ${cut} request(s) still in flight after ${command.graceMs} ms\n`,
        );
        process.exit(cut === 0 ? 0 : 1);
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (command.exitWithParent) watchParent(() => stop("parent process gone"));
    // The URL says the server is ready, so it comes after the handlers: a supervisor that stops the server as soon
    // as it reads the URL must meet the drain, not the default action of SIGTERM (which ends the process at once).
    const loaded = server.dataSummary;
    if (loaded !== undefined) {
      err.write(
        `journey-runs-mock: --data loaded ${loaded.applications} application(s), ${loaded.journeys} journey(s), ${loaded.runs} run(s) from ${loaded.files} file(s)\n`,
      );
    }
    out.write(`${server.url}\n`);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (error instanceof JourneyRunsMockError) {
      process.stderr.write(`journey-runs-mock: ${message}\n`);
      process.exit(error instanceof DataFileError ? 1 : 2);
    }
    const hint = code === "EADDRINUSE" ? " Pick another --port, or --port 0 for a free one." : "";
    err.write(`journey-runs-mock: cannot listen: ${message}.${hint}\n`);
    process.exitCode = 1;
  }
}
