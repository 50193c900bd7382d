import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connectJourneyRunsControl, JourneyRunsControlError } from "@journey-runs/msw/control";
import { startMockServer } from "@journey-runs/msw/server";
import { describe, expect, test } from "vitest";
import { createTokenCheck, isLoopbackHost } from "../src/server/control-plane/token.js";

const TOKEN = "a-control-token-for-tests";
const bin = fileURLToPath(new URL("../dist/server/cli.js", import.meta.url));

describe("who may use the control plane", () => {
  test("bound to a non-loopback interface without a token, the server refuses to start and says how to set one", async () => {
    const error = await startMockServer({ port: 0, host: "0.0.0.0", control: true }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("CONTROL_TOKEN_REQUIRED");
    expect((error as Error).message).toMatch(/--control-token TOKEN.*JOURNEY_RUNS_MOCK_CONTROL_TOKEN/);
  });

  test("the bin refuses too, with exit code 2 and the same advice", () => {
    const run = spawnSync(process.execPath, [bin, "--host", "0.0.0.0", "--port", "0"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs a token.*--control-token/);
  });

  test("on 0.0.0.0 with a token: no token and a bad token are refused, the right one passes, Pinpoint is untouched", async () => {
    const server = await startMockServer({ port: 0, host: "0.0.0.0", control: { token: TOKEN } });
    const url = `http://127.0.0.1:${server.port}`;
    try {
      for (const token of [undefined, "wrong-token-of-other-length", `${TOKEN.slice(0, -1)}X`]) {
        const error = await connectJourneyRunsControl(url, { token })
          .health()
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(JourneyRunsControlError);
        expect([(error as JourneyRunsControlError).code, (error as JourneyRunsControlError).status]).toEqual([
          "UNAUTHORIZED",
          401,
        ]);
      }
      const lowercase = await fetch(`${url}/_journey-runs-mock/health`, {
        headers: { authorization: `bearer ${TOKEN}` },
      });
      expect(lowercase.status).toBe(401);
      expect((await connectJourneyRunsControl(url, { token: TOKEN }).health()).status).toBe("ok");
      const pinpoint = await fetch(
        `${url}/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs`,
      );
      expect(pinpoint.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test("on loopback the control plane may be open", async () => {
    const server = await startMockServer({ port: 0, control: true });
    try {
      expect((await connectJourneyRunsControl(server.url).health()).status).toBe("ok");
    } finally {
      await server.close();
    }
  });

  test.each([
    ["127.0.0.1", true],
    ["127.0.0.2", true],
    ["::1", true],
    ["[::1]", true],
    ["localhost", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
    ["example.com", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  test("the token check accepts only the exact token, whatever the length of a wrong one", () => {
    const check = createTokenCheck(TOKEN);
    expect(check(`Bearer ${TOKEN}`)).toBe(true);
    for (const header of [
      undefined,
      "",
      "Bearer ",
      `Bearer ${TOKEN} `,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      "Bearer x",
    ]) {
      expect(check(header), String(header)).toBe(false);
    }
  });
});
