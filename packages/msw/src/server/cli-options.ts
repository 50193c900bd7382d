import { parseArgs } from "node:util";
import type { MockServerOptions } from "./mock-server.js";

/** The usage text of `journey-runs-mock`. */
export const USAGE = `Usage: journey-runs-mock [options]

A stateful fake of Amazon Pinpoint GetJourneyRuns over HTTP.

Options:
  --port N                 port to listen on (default 4010; 0 picks a free port)
  --host HOST              interface to listen on (default 127.0.0.1)
  --seed SEED              seed of the generated data (default 1)
  --runs N                 runs to add to the official example journey (default 0)
  --latency MS             delay before each answer, in milliseconds (default 0)
  --grace MS               on SIGINT/SIGTERM, time to finish requests in flight before
                           cutting them (default 5000); exits 1 when some were cut
  --request-timeout MS     time a client has to send a whole request (default 10000)
  --access-key-id ID       verify SigV4 signatures made with this access key ...
  --secret-access-key KEY  ... and this secret (prefer the environment variables below)
  --no-control             turn off the control plane (on by default; see below)
  --control-token TOKEN    require Authorization: Bearer TOKEN on the control plane (needed off loopback)
  --isolate                one fake per AWS access key id (the SigV4 credential scope) ...
  --max-tenants N          ... for at most N keys (default 1000)
  --data PATH              load a state dump or captured pages (a file or a folder; repeatable)
  --quiet                  do not log one line per request
  --exit-with-parent       stop (as on SIGTERM) once the process that started it is gone, even if it was
                           killed with SIGKILL; for launchers and test runners
  -h, --help               print this help
  -v, --version            print the version

Environment:
  JOURNEY_RUNS_MOCK_ACCESS_KEY_ID, JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY
                           the SigV4 key, instead of the flags (flags win)
  JOURNEY_RUNS_MOCK_CONTROL_TOKEN
                           the control token, instead of --control-token

Control plane: /_journey-runs-mock/... sets up and inspects the fake from another process (its contract is
openapi/journey-runs-mock-control.yaml in this package). Open on loopback; on any other --host it needs a token, or the server does not start.
Captured pages go in <application-id>/<journey-id>/*.json, as "aws pinpoint get-journey-runs --output json" prints.

Force an error from any client with the header "Prefer: code=429" (any documented status).
`;

/** What the command line asks for: serve, print help, print the version, or a usage error. */
export type CliCommand =
  | { kind: "serve"; options: MockServerOptions; quiet: boolean; graceMs: number; exitWithParent: boolean }
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "error"; message: string };

function wholeNumber(
  name: string,
  raw: string | undefined,
  max = Number.MAX_SAFE_INTEGER,
): number | string | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value > max) return `--${name} takes a whole number from 0 to ${max}; got "${raw}".`;
  return value;
}

/**
 * Parses the arguments and environment of `journey-runs-mock`.
 *
 * @example
 * ```ts
 * parseCli(["--port", "0", "--runs", "100"], process.env); // { kind: "serve", options: { port: 0, runs: 100, ... } }
 * ```
 */
export function parseCli(argv: string[], env: Record<string, string | undefined>): CliCommand {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        runs: { type: "string" },
        latency: { type: "string" },
        grace: { type: "string" },
        "request-timeout": { type: "string" },
        "access-key-id": { type: "string" },
        "secret-access-key": { type: "string" },
        quiet: { type: "boolean" },
        "exit-with-parent": { type: "boolean" },
        "no-control": { type: "boolean" },
        "control-token": { type: "string" },
        isolate: { type: "boolean" },
        "max-tenants": { type: "string" },
        data: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: `${(error as Error).message} Run journey-runs-mock --help for the options.` };
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const port = wholeNumber("port", values.port as string | undefined, 65_535);
  const runs = wholeNumber("runs", values.runs as string | undefined, 10_000_000);
  const latency = wholeNumber("latency", values.latency as string | undefined, 600_000);
  const grace = wholeNumber("grace", values.grace as string | undefined, 600_000);
  const requestTimeout = wholeNumber("request-timeout", values["request-timeout"] as string | undefined, 600_000);
  const maxTenants = wholeNumber("max-tenants", values["max-tenants"] as string | undefined, 100_000);
  for (const value of [port, runs, latency, grace, requestTimeout, maxTenants]) {
    if (typeof value === "string") return { kind: "error", message: value };
  }
  const accessKeyId = (values["access-key-id"] as string | undefined) ?? env.JOURNEY_RUNS_MOCK_ACCESS_KEY_ID;
  const secretAccessKey =
    (values["secret-access-key"] as string | undefined) ?? env.JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined) || accessKeyId === "" || secretAccessKey === "") {
    return {
      kind: "error",
      message:
        "SigV4 needs both an access key id and a secret access key (flags or JOURNEY_RUNS_MOCK_* variables), or neither.",
    };
  }
  const options: MockServerOptions = { port: (port as number | undefined) ?? 4010 };
  if (typeof values.host === "string") options.host = values.host;
  if (typeof values.seed === "string") options.seed = values.seed;
  if (runs !== undefined) options.runs = runs as number;
  if (latency !== undefined) options.latency = latency as number;
  if (requestTimeout !== undefined) options.requestTimeout = Math.max(1, requestTimeout as number);
  if (accessKeyId !== undefined && secretAccessKey !== undefined)
    options.credentials = { accessKeyId, secretAccessKey };
  const token = (values["control-token"] as string | undefined) ?? env.JOURNEY_RUNS_MOCK_CONTROL_TOKEN;
  if (token !== undefined && values["no-control"]) {
    return { kind: "error", message: "--control-token and --no-control contradict each other; drop one." };
  }
  if (token !== undefined && token.length < 8) {
    return { kind: "error", message: "The control token needs at least 8 characters; pick a longer one." };
  }
  if (!values["no-control"]) options.control = token === undefined ? true : { token };
  if (values["max-tenants"] !== undefined && !values.isolate) {
    return { kind: "error", message: "--max-tenants needs --isolate." };
  }
  if (values.isolate) options.isolate = maxTenants === undefined ? true : (maxTenants as number);
  if (options.isolate === 0) return { kind: "error", message: "--max-tenants takes a whole number from 1." };
  const data = values.data as string[] | undefined;
  if (data !== undefined) options.data = data;
  return {
    kind: "serve",
    options,
    quiet: values.quiet === true,
    graceMs: (grace as number | undefined) ?? 5_000,
    exitWithParent: values["exit-with-parent"] === true,
  };
}
