import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createReferenceServer } from "../src/server.js";

const page = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.html");
const server = createReferenceServer({ page });
const missing = createReferenceServer({ page: join(dirname(page), "not-built.html") });
let base = "";
let missingBase = "";

beforeAll(async () => {
  for (const [s, set] of [
    [server, (url: string) => (base = url)],
    [missing, (url: string) => (missingBase = url)],
  ] as const) {
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    set(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  }
});
afterAll(() => {
  server.close();
  missing.close();
});

describe("the reference server", () => {
  test("answers / with the page as HTML under the page's Content-Security-Policy", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).toContain("__redoc_definition");
  });

  test("answers HEAD with the length of the page and no body", async () => {
    const response = await fetch(`${base}/index.html`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(100_000);
    expect(await response.text()).toBe("");
  });

  test.each([
    ["/package.json", 404, /Not found: \/package\.json/],
    ["/../../openapi/journey-runs.yaml", 404, /Not found/],
    ["/%2e%2e/src/server.ts", 404, /Not found/],
  ])("serves nothing but the page: %s is %i", async (path, status, body) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(body);
  });

  test("refuses other methods with 405 and Allow", async () => {
    const response = await fetch(`${base}/`, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  test("says how to build the page when it is missing", async () => {
    const response = await fetch(`${missingBase}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build -w @journey-runs\/reference/);
  });
});
