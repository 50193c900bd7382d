import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { assertBuilt, DIST_DIR } from "./browser/harness.js";

/** Gzipped bytes the page's entry script may weigh: the viewer and @journey-runs/client, without MSW. */
const ENTRY_BUDGET_GZIP_BYTES = 18 * 1024;

function entryScript(): { name: string; source: string } {
  assertBuilt();
  const html = readFileSync(`${DIST_DIR}index.html`, "utf8");
  const name = /<script type="module" crossorigin src="\/(assets\/index-[\w-]+\.js)"><\/script>/.exec(html)?.[1];
  if (name === undefined) throw new Error("dist/index.html names no entry script: rebuild the viewer.");
  return { name, source: readFileSync(`${DIST_DIR}${name}`, "utf8") };
}

describe("the built page", () => {
  it(`keeps its entry script within ${ENTRY_BUDGET_GZIP_BYTES} gzipped bytes`, () => {
    const { source } = entryScript();
    expect(gzipSync(source, { level: 9 }).byteLength).toBeLessThanOrEqual(ENTRY_BUDGET_GZIP_BYTES);
  });

  it("loads MSW and the fake only in mock mode, as a separate chunk", () => {
    const { source } = entryScript();
    expect(source).not.toContain("setupWorker");
    expect(source).toMatch(/import\(["`]\.\/start-mock-[\w-]+\.js["`]\)/);
  });

  it("loads the panel of the fake's state as a separate chunk", () => {
    const { source } = entryScript();
    expect(source).not.toContain("The fake has no journeys.");
    expect(source).toMatch(/import\(["`]\.\/start-control-panel-[\w-]+\.js["`]\)/);
  });
});
