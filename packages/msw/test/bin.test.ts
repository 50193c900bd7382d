import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../dist/server/cli.js", import.meta.url));
const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const children: ChildProcess[] = [];

/** Starts the bin and resolves with the first stdout line and the process. */
async function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const rest: string[] = [];
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
  lines.on("line", (line) => rest.push(line));
  return { child, url: first, rest };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("journey-runs-mock", () => {
  test("prints http://HOST:PORT once it listens, logs each request, and stops cleanly on SIGTERM", async () => {
    const { child, url, rest } = await start(["--port", "0", "--runs", "3"]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await (await fetch(`${url}${PATH}`)).json();
    expect(page.Item).toHaveLength(5);
    // The log line is read once the process has closed its output, however long a loaded machine takes to print it.
    child.kill("SIGTERM");
    const [code] = await once(child, "close");
    expect(code).toBe(0);
    expect(rest).toEqual([expect.stringMatching(/^GET \/v1\/apps\/.+ -> 200 /)]);
  });

  test("is silent with --quiet and stops on SIGINT", async () => {
    const { child, url, rest } = await start(["--port", "0", "--quiet"]);
    await (await fetch(`${url}${PATH}`)).arrayBuffer();
    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(rest).toEqual([]);
  });

  test("verifies SigV4 when the environment gives a key, and never logs the secret", async () => {
    const secret = "never-log-this-secret";
    const { child, url, rest } = await start(["--port", "0"], {
      JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: "AKIDBIN",
      JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: secret,
    });
    const response = await fetch(`${url}${PATH}`, { headers: { Authorization: `AWS4-HMAC-SHA256 ${secret}` } });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(secret);
    child.kill("SIGTERM");
    await once(child, "exit");
    expect(rest.join("\n")).not.toContain(secret);
  });

  test("exits 2 with a hint on a bad flag", async () => {
    const child = spawn(process.execPath, [bin, "--port", "nope"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port takes a whole number from 0 to 65535/);
  });

  test("says on stderr, in one line at start, what --data loaded", async () => {
    const captured = fileURLToPath(new URL("fixtures/captured", import.meta.url));
    const { child } = await start(["--port", "0", "--quiet", "--data", captured]);
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    child.kill("SIGTERM");
    await once(child, "close");
    expect(stderr.split("\n")[0]).toMatch(
      /^journey-runs-mock: --data loaded 1 application\(s\), 1 journey\(s\), \d+ run\(s\) from 3 file\(s\)$/,
    );
  });
});

describe("journey-runs-mock --exit-with-parent", () => {
  /**
   * Starts the bin in the background of a shell (its parent), kills that shell with SIGKILL, and resolves with the
   * bin's pid and whether the bin was gone within `waitMs` (the shell's pipes close only once the bin exits).
   */
  async function killParent(flags: string[], waitMs: number) {
    const script = `"${process.execPath}" "${bin}" --port 0 --quiet ${flags.join(" ")} & echo $!; wait`;
    const shell = spawn("sh", ["-c", script], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(shell);
    const lines = createInterface({ input: shell.stdout as NodeJS.ReadableStream });
    const [pid, url] = await new Promise<string[]>((resolve) => {
      const got: string[] = [];
      lines.on("line", (line) => got.push(line) === 2 && resolve(got));
    });
    expect((await fetch(`${url}/_journey-runs-mock/health`)).status).toBe(200);
    shell.kill("SIGKILL");
    const closed = once(shell, "close").then(() => true);
    const gone = await Promise.race([closed, new Promise((r) => setTimeout(r, waitMs, false))]);
    return { pid: Number(pid), url: url as string, gone };
  }

  test("stops once its parent is killed with SIGKILL", async () => {
    const { url, gone } = await killParent(["--exit-with-parent"], 5_000);
    expect(gone).toBe(true);
    await expect(fetch(`${url}/_journey-runs-mock/health`)).rejects.toThrow();
  });

  test("without the flag, outlives its parent (what the flag is for)", async () => {
    const { pid, url, gone } = await killParent([], 1_000);
    try {
      expect(gone).toBe(false);
      expect((await fetch(`${url}/_journey-runs-mock/health`)).status).toBe(200);
    } finally {
      process.kill(pid, "SIGKILL");
    }
  });
});

describe("journey-runs-mock startup (budget: under 180 ms to the first answer)", () => {
  const probe = fileURLToPath(new URL("./support/startup-probe.mjs", import.meta.url));

  /** What starting the bin with `args` loaded by the time it printed its URL. */
  async function loadedAtStart(args: string[]) {
    const child = spawn(process.execPath, [probe, bin, "--port", "0", "--quiet", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    return JSON.parse(line) as { url: string; collators: number; added: string[]; crypto: string[] };
  }

  test("is one module: the bin imports no chunk, nor the control client's openapi-fetch", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(bin, "utf8");
    const imports = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((specifier) => !specifier?.startsWith("node:"))).toEqual([]);
  });

  test("loads neither node:crypto nor an Intl.Collator unless verification or a data folder needs them", async () => {
    const plain = await loadedAtStart([]);
    expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // No crypto module beyond those node:http loads anyway (none on Node 20; node:crypto on Node 22 and later).
    expect(plain).toMatchObject({ collators: 0, added: [] });
    const signed = await loadedAtStart(["--access-key-id", "AKIDSTARTUP", "--secret-access-key", "secret"]);
    expect(signed.crypto).toContain("NativeModule crypto");
  });
});
