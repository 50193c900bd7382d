import { describe, expect, test } from "vitest";
import { parseCli } from "./cli-options.js";

describe("parseCli", () => {
  test("defaults to port 4010 without SigV4", () => {
    expect(parseCli([], {})).toEqual({
      kind: "serve",
      options: { port: 4010, control: true },
      quiet: false,
      graceMs: 5_000,
      exitWithParent: false,
    });
  });

  test("reads every flag", () => {
    const argv = ["--port", "0", "--host", "::1", "--seed", "s", "--runs", "1000", "--latency", "20", "--quiet"];
    argv.push("--grace", "250", "--request-timeout", "3000", "--exit-with-parent");
    expect(parseCli(argv, {})).toEqual({
      kind: "serve",
      options: { port: 0, host: "::1", seed: "s", runs: 1000, latency: 20, requestTimeout: 3000, control: true },
      quiet: true,
      graceMs: 250,
      exitWithParent: true,
    });
  });

  test("takes the SigV4 key from the environment, and flags over the environment", () => {
    const env = { JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: "AKID", JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: "env-secret" };
    expect(parseCli([], env)).toMatchObject({
      options: { credentials: { accessKeyId: "AKID", secretAccessKey: "env-secret" } },
    });
    expect(parseCli(["--secret-access-key", "flag-secret"], env)).toMatchObject({
      options: { credentials: { secretAccessKey: "flag-secret" } },
    });
  });

  test.each([
    [["--port", "65536"], /--port takes a whole number from 0 to 65535/],
    [["--runs=-1"], /--runs takes a whole number/],
    [["--latency", "1.5"], /--latency takes a whole number/],
    [["--grace", "soon"], /--grace takes a whole number/],
    [["--bogus"], /Unknown option '--bogus'.*--help/],
    [["--access-key-id", "AKID"], /both an access key id and a secret access key/],
  ])("refuses %j", (argv, message) => {
    const command = parseCli(argv, {});
    expect(command.kind).toBe("error");
    expect(command.kind === "error" && command.message).toMatch(message);
  });

  test("never echoes the secret in an error", () => {
    const command = parseCli(["--secret-access-key", "s3cr3t-value"], {});
    expect(command.kind === "error" && command.message).not.toContain("s3cr3t-value");
  });

  test.each([
    [["--help"], "help"],
    [["-v"], "version"],
  ])("%j asks for %s", (argv, kind) => {
    expect(parseCli(argv, {}).kind).toBe(kind);
  });
});
