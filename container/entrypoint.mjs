// The image's entrypoint: journey-runs-mock configured by environment variables as well as by flags, in this same
// process (PID 1 in the container), so that SIGTERM from `docker stop` reaches the bin's own drain.
import { writeFileSync } from "node:fs";

/** Variables that become a flag with a value; flags given to `docker run IMAGE ...` come later and win. */
const VALUE_FLAGS = [
  ["JOURNEY_RUNS_MOCK_PORT", "--port"],
  ["JOURNEY_RUNS_MOCK_HOST", "--host"],
  ["JOURNEY_RUNS_MOCK_SEED", "--seed"],
  ["JOURNEY_RUNS_MOCK_RUNS", "--runs"],
  ["JOURNEY_RUNS_MOCK_LATENCY", "--latency"],
  ["JOURNEY_RUNS_MOCK_GRACE", "--grace"],
  ["JOURNEY_RUNS_MOCK_REQUEST_TIMEOUT", "--request-timeout"],
  ["JOURNEY_RUNS_MOCK_MAX_TENANTS", "--max-tenants"],
];
/** Variables that turn a switch on when they are `1` or `true`. */
const SWITCHES = [
  ["JOURNEY_RUNS_MOCK_ISOLATE", "--isolate"],
  ["JOURNEY_RUNS_MOCK_QUIET", "--quiet"],
  ["JOURNEY_RUNS_MOCK_NO_CONTROL", "--no-control"],
];

const env = process.env;
const args = [];
for (const [name, flag] of VALUE_FLAGS) if (env[name]) args.push(flag, env[name]);
for (const [name, flag] of SWITCHES) if (/^(1|true)$/i.test(env[name] ?? "")) args.push(flag);
// Several data paths are separated by ":", as in PATH.
for (const path of (env.JOURNEY_RUNS_MOCK_DATA ?? "").split(":")) if (path) args.push("--data", path);
args.push(...process.argv.slice(2));

/** The last value of a flag, in either spelling (`--port 1` or `--port=1`), as node:util's parseArgs reads it. */
function lastValue(flag) {
  let value;
  args.forEach((arg, i) => {
    if (arg === flag) value = args[i + 1];
    else if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1);
  });
  return value;
}

// Where the health check (another process, started by Docker) finds the server: it cannot see these flags.
try {
  writeFileSync(
    "/tmp/journey-runs-mock-health.json",
    JSON.stringify({
      port: Number(lastValue("--port") ?? 4010),
      host: lastValue("--host") ?? "127.0.0.1",
      control: !args.includes("--no-control"),
    }),
  );
} catch {
  // A read-only /tmp: the health check falls back to the environment.
}

process.argv = [process.argv[0], process.argv[1], ...args];
await import("./dist/server/cli.js");
