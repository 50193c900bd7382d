import { describe, expect, test } from "vitest";
import { parseCli } from "./cli-options.js";

describe("the control plane's flags of journey-runs-mock", () => {
  test("the control plane is on by default, off with --no-control", () => {
    expect(parseCli([], {})).toMatchObject({ kind: "serve", options: { control: true } });
    const off = parseCli(["--no-control"], {});
    expect(off.kind === "serve" && off.options.control).toBeUndefined();
  });

  test("the token comes from --control-token or JOURNEY_RUNS_MOCK_CONTROL_TOKEN, the flag first", () => {
    expect(parseCli(["--control-token", "flag-token-1"], {})).toMatchObject({
      options: { control: { token: "flag-token-1" } },
    });
    const env = { JOURNEY_RUNS_MOCK_CONTROL_TOKEN: "env-token-1" };
    expect(parseCli([], env)).toMatchObject({ options: { control: { token: "env-token-1" } } });
    expect(parseCli(["--control-token", "flag-token-1"], env)).toMatchObject({
      options: { control: { token: "flag-token-1" } },
    });
  });

  test("--isolate, --max-tenants and repeated --data", () => {
    expect(parseCli(["--isolate"], {})).toMatchObject({ options: { isolate: true } });
    expect(parseCli(["--isolate", "--max-tenants", "100"], {})).toMatchObject({ options: { isolate: 100 } });
    expect(parseCli(["--data", "a", "--data", "b/c"], {})).toMatchObject({ options: { data: ["a", "b/c"] } });
  });

  test.each([
    [["--control-token", "short"], /at least 8 characters/],
    [["--control-token", "long-enough", "--no-control"], /contradict/],
    [["--max-tenants", "5"], /needs --isolate/],
    [["--isolate", "--max-tenants", "0"], /from 1/],
    [["--isolate", "--max-tenants", "x"], /--max-tenants takes a whole number/],
  ])("refuses %j", (argv, message) => {
    const command = parseCli(argv, {});
    expect(command.kind).toBe("error");
    expect(command.kind === "error" && command.message).toMatch(message);
  });

  test("never echoes the token in an error", () => {
    const command = parseCli(["--control-token", "s3cr3t-token", "--no-control"], {});
    expect(command.kind === "error" && command.message).not.toContain("s3cr3t-token");
  });
});
