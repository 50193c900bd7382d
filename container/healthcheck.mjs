// The image's HEALTHCHECK: exit 0 when journey-runs-mock answers, 1 otherwise. The image has no shell and no curl.
// It asks the control plane's health route, which answers without a tenant under --isolate; with --no-control it
// accepts any answer of the Pinpoint door (an AWS-shaped 404 carries x-amzn-RequestId).
import { readFileSync } from "node:fs";
import { request } from "node:http";

const env = process.env;
let target = { port: Number(env.JOURNEY_RUNS_MOCK_PORT || 4010), host: "127.0.0.1", control: true };
try {
  target = { ...target, ...JSON.parse(readFileSync("/tmp/journey-runs-mock-health.json", "utf8")) };
} catch {
  // Not written (a read-only /tmp): the defaults above.
}
// A wildcard address is reached on loopback; a named one as named.
const host = ["0.0.0.0", "::", "[::]", ""].includes(target.host) ? "127.0.0.1" : target.host.replace(/^\[|\]$/g, "");
const token = env.JOURNEY_RUNS_MOCK_CONTROL_TOKEN;
const path = target.control ? "/_journey-runs-mock/health" : "/";
const headers = target.control && token ? { authorization: `Bearer ${token}` } : {};

const req = request({ host, port: target.port, path, headers, timeout: 2000 }, (res) => {
  res.resume();
  // A token given as --control-token is not in the environment: then the control plane's 401 is the server's answer,
  // and the server listens only once all its data is loaded, so any answer of its own means ready.
  const answered = res.statusCode === 200 || (token === undefined && res.statusCode === 401);
  const healthy = target.control ? answered : res.headers["x-amzn-requestid"] !== undefined;
  process.exitCode = healthy ? 0 : 1;
  if (!healthy) process.stderr.write(`journey-runs-mock health: ${path} answered ${res.statusCode}\n`);
});
req.on("timeout", () => req.destroy(new Error("no answer within 2 s")));
req.on("error", (error) => {
  process.stderr.write(`journey-runs-mock health: ${error.message}\n`);
  process.exitCode = 1;
});
req.end();
