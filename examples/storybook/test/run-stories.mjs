/**
 * Tests the static Storybook build in Debian's Chromium (playwright-core, no browser download): every story's text on
 * its first visit, then every story again, twice, in seeded shuffled orders, in ONE page whose preview is never
 * reloaded (as when a person clicks through the sidebar), and the Docs page with each story in its own iframe.
 * Exits 1 on the first failure; prints one summary line.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
// The repository's one place for Chromium's path and flags (plain JS, no dependencies).
import { CHROMIUM_ARGS, chromiumAvailability } from "../../../tools/chromium/index.js";
import { DOCS_ID, STORIES, shuffle } from "./expected-stories.mjs";
import { serveStatic } from "./serve-static.mjs";

const TIMEOUT_MS = 30_000;
const started = performance.now();
const seed = process.env.STORY_SEED ? Number(process.env.STORY_SEED) >>> 0 : Math.floor(Math.random() * 2 ** 32);
const chromiumHere = chromiumAvailability();
// The builds to check, as arguments (default: both builds of `npm run build-storybook`).
const builds = process.argv.length > 2 ? process.argv.slice(2) : ["storybook-static/csf3", "storybook-static/csf-next"];
let checks = 0;
/** @type {string | undefined} */
let failure;

if (!chromiumHere.ok) exit(chromiumHere.reason);
for (const build of builds) if (!existsSync(build)) exit(`no build at ${build}: run npm run build-storybook first`);
console.log(`shuffle seed ${seed} (replay these orders with STORY_SEED=${seed})`);

const browser = await chromium.launch({ executablePath: chromiumHere.executablePath, args: [...CHROMIUM_ARGS] });
try {
  for (const build of builds) await checkBuild(build);
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
} finally {
  await browser.close();
}
if (failure !== undefined) exit(failure);
console.log(
  `storybook example: PASS, ${checks} checks in ${builds.length} builds (5 stories, 3 visits each, Docs page), seed ${seed}, ${seconds()} s`,
);
// TAP's closing counts, which the examples runner (tools/examples) reads into its table.
console.log(`# pass ${checks}\n# fail 0`);

/** One build, in ONE page: first visits, two shuffled rounds of revisits, the Docs page between them. */
async function checkBuild(build) {
  const server = await serveStatic(build);
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  try {
    console.log(`${build}:`);
    await page.goto(`${server.url}/?path=/story/${STORIES[0].id}`);
    const preview = await previewFrame(page);
    await expectStory(preview, STORIES[0]);
    // A mark in the preview's window: if it is still there at the end, the preview was never reloaded.
    await preview.evaluate(() => Object.assign(globalThis, { __sameSession: true }));

    for (const story of STORIES.slice(1)) await visit(page, preview, story);
    console.log(`  first visits: ${STORIES.map((story) => story.id).join(", ")}`);
    let last = STORIES.at(-1);
    for (const round of [1, 2]) {
      const order = shuffle(STORIES, seed + round);
      // Clicking the story already shown re-renders nothing: start each round elsewhere.
      if (order[0] === last) order.push(order.shift());
      console.log(`  revisits, round ${round}: ${order.map((story) => story.id).join(", ")}`);
      for (const story of order) await visit(page, preview, story);
      last = order.at(-1);
      if (round === 1) await checkDocs(page, preview);
    }
    if ((await preview.evaluate(() => globalThis.__sameSession)) !== true)
      fail("the preview was reloaded during the run");
    if (pageErrors.length > 0) fail(`uncaught errors in the page: ${pageErrors.join(" | ")}`);
  } catch (error) {
    throw new Error(`${build}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.close();
    await server.close();
  }
}

/** The preview iframe of the manager (the same frame for the whole run). */
async function previewFrame(page) {
  const handle = await page.waitForSelector("#storybook-preview-iframe", { timeout: TIMEOUT_MS });
  const frame = await handle.contentFrame();
  if (frame === null) fail("the manager has no preview iframe");
  return frame;
}

/** Selects a story in the sidebar, as a person would, and checks what it shows. */
async function visit(page, preview, story) {
  // Marks the list on screen now, so that the check waits for the new story's own render.
  await preview.evaluate(() => {
    for (const node of document.querySelectorAll("#storybook-root section")) node.setAttribute("data-stale", "");
  });
  await page.click(`a#${story.id}`);
  await expectStory(preview, story);
}

/** Waits until the story shows its expected text, then runs its steps. */
async function expectStory(frame, story) {
  await expectText(frame, "#storybook-root section:not([data-stale])", story.text, story.id);
  for (const step of story.steps ?? []) {
    await frame.getByRole("button", { name: step.click }).click();
    await expectText(frame, "#storybook-root section:not([data-stale])", step.text, `${story.id} after ${step.click}`);
  }
}

/**
 * The Docs page: every story block (the primary one at the top, then each story) must show its own scene, whether
 * rendered in its own iframe (`docs.story.inline: false`) or inline; inline blocks share one fake and show the scene
 * that was set last, which is what this check catches.
 */
async function checkDocs(page, preview) {
  await page.click(`a#${DOCS_ID}`);
  const expected = new Map(STORIES.map((story) => [story.id, story]));
  const deadline = Date.now() + TIMEOUT_MS;
  let anchors = [];
  while (anchors.length < STORIES.length + 1 && Date.now() < deadline) {
    anchors = await preview.$$eval(".sb-anchor[id^='anchor--']", (nodes) => nodes.map((node) => node.id));
    await new Promise((done) => setTimeout(done, 100));
  }
  const ids = anchors.map((anchor) => anchor.replace(/^anchor--(?:primary--)?/, ""));
  const missing = STORIES.filter((story) => !ids.includes(story.id)).map((story) => story.id);
  if (missing.length > 0) fail(`the Docs page has no block of ${missing.join(", ")}`);
  let iframes = 0;
  for (const [index, anchor] of anchors.entries()) {
    const story = expected.get(ids[index] ?? "");
    if (story === undefined) fail(`the Docs page shows an unexpected story block ${anchor}`);
    const block = await preview.waitForSelector(`[id="${anchor}"]`);
    await block.scrollIntoViewIfNeeded();
    const iframe = await block.$("iframe");
    const frame = iframe === null ? undefined : await iframe.contentFrame();
    if (frame) iframes += 1;
    const where = frame ?? preview;
    const selector = frame ? "#storybook-root section" : `[id="${anchor}"] .sb-story section`;
    await expectText(where, selector, story.text, `${story.id} on the Docs page (${frame ? "iframe" : "inline"})`);
  }
  console.log(`  docs: ${anchors.length} story blocks (${iframes} in iframes), each with its own scene`);
}

/** Polls the text of `selector` (whitespace collapsed) until it matches `pattern`, for TIMEOUT_MS at most. */
async function expectText(frame, selector, pattern, what) {
  const deadline = Date.now() + TIMEOUT_MS;
  let text = "(nothing rendered)";
  while (Date.now() < deadline) {
    const node = await frame.$(selector);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered (list items apart), what a person reads
    if (node !== null) text = (await node.innerText()).replace(/\s+/g, " ").trim();
    if (pattern.test(text)) {
      checks += 1;
      return;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  fail(`${what}: expected ${pattern}, saw "${text.slice(0, 300)}"`);
}

function seconds() {
  return ((performance.now() - started) / 1000).toFixed(1);
}

function fail(message) {
  throw new Error(message);
}

function exit(message) {
  console.error(`storybook example: FAIL (seed ${seed}, ${seconds()} s): ${message}`);
  console.log(`# pass ${checks}\n# fail 1`);
  process.exit(1);
}
