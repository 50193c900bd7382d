import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS, chromiumAvailability } from "@journey-runs/chromium";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createReferenceServer } from "../src/server.js";
import { contract } from "./contract.js";

const availability = chromiumAvailability();
const hasChromium = availability.ok;
if (!availability.ok && process.env.CI === undefined) {
  console.warn(`[reference] Skipping the browser test: ${availability.reason} (CI installs it and runs it).`);
}

/** The strings a reader must see for a JSON value: each key, each string (quoted as JSON) and each number. */
function visibleParts(value: unknown): string[] {
  if (Array.isArray(value)) return value.length === 0 ? ["[]"] : value.flatMap(visibleParts);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => [JSON.stringify(key), ...visibleParts(child)]);
  }
  return [JSON.stringify(value)];
}

function resolve(node: unknown): { summary?: string; value: unknown } {
  const ref = (node as { $ref?: string }).$ref;
  if (ref === undefined) return node as { summary?: string; value: unknown };
  const name = ref.split("/").at(-1) ?? "";
  return resolve((contract.components as unknown as { examples: Record<string, unknown> }).examples[name]);
}

const operation = Object.values(contract.paths)[0]?.get;
const responses = Object.entries(operation?.responses ?? {}).map(([status, response]) => {
  const resolved = (response as { $ref?: string }).$ref
    ? contract.components.responses[(response as { $ref: string }).$ref.split("/").at(-1) ?? ""]
    : (response as (typeof contract.components.responses)[string]);
  const examples = Object.values(resolved?.content?.["application/json"]?.examples ?? {}).map(resolve);
  return { status, examples };
});

describe.runIf(hasChromium || process.env.CI !== undefined)("the reference page in Chromium", () => {
  const server = createReferenceServer({
    page: join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.html"),
  });
  let browser: Browser;
  let base = "";

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      // Without Chromium this runs in CI only, where the failed launch fails the test as it should.
      executablePath: availability.executablePath,
      args: [...CHROMIUM_ARGS],
    });
  });
  afterAll(async () => {
    await browser?.close();
    server.close();
  });

  test("shows every response with each of its examples, and sends no request off this machine", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const offMachine: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      offMachine.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${base}/#/journeys/getjourneyruns`);
    await page.getByRole("tab", { name: "200" }).waitFor();

    expect(responses.map((r) => r.status)).toEqual(["200", "400", "403", "404", "405", "413", "429", "500"]);
    for (const { status, examples } of responses) {
      await page.getByRole("tab", { name: status, exact: true }).click();
      // The response sample beside the description: the page's only JSON viewer (the request has no payload).
      const panel = page.getByTestId("json-viewer");
      for (const [index, example] of examples.entries()) {
        if (examples.length > 1) {
          await page.getByRole("button", { name: "Example" }).click();
          const items = page.getByRole("menuitem");
          if (index === 0) expect(await items.allInnerTexts()).toEqual(examples.map((e) => e.summary));
          await items.nth(index).click();
        }
        // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees (rendered text) is what is asserted here.
        const text = await panel.innerText();
        for (const part of visibleParts(example.value)) {
          expect(text, `${status} example ${index} should show ${part}`).toContain(part);
        }
      }
    }
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await context.close();
  }, 60_000);
});
