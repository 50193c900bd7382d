#!/usr/bin/env node
// The journey-runs-mock command. This file is committed (not built) so that npm links the bin when it installs the
// workspace, before `npm run build` has written dist/ (docs/decisions/0014-bundled-dist.md). It runs the built CLI in
// this same process, so SIGINT and SIGTERM reach the server directly.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/server/cli.js", import.meta.url);
if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  process.stderr.write(
    `journey-runs-mock: ${fileURLToPath(cli)} is missing: @journey-runs/msw is not built. ` +
      "In the journey-runs repository, run `npm run build` first; from npm, reinstall @journey-runs/msw.\n",
  );
  process.exitCode = 1;
}
