/**
 * The Storybook page of @journey-runs/msw (docs/storybook.md, as installed from the tarball, what users read) must be the
 * code of this example: every ```ts block that starts with `// <path>` must be made of lines of that file, in order
 * (the file may have more lines: comments, options the README leaves out). `// .storybook/preview.ts (CSF Next)` is
 * `.storybook-next/preview.ts`. Exits 1 with the first line that is not in the file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const readmePath = createRequire(import.meta.url)
  .resolve("@journey-runs/msw/package.json")
  .replace(/package\.json$/, "docs/storybook.md");
const section = readFileSync(readmePath, "utf8");

const blocks = [...section.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)].map((match) =>
  match[2].split("\n").map((line) => line.slice(match[1].length)),
);
let checked = 0;
for (const lines of blocks) {
  const head = /^\/\/ (\S+)( \(CSF Next\))?$/.exec(lines[0] ?? "");
  if (head === null) fail(`a ts block of the Storybook section does not start with "// <path>": ${lines[0]}`);
  const path = head[2] ? head[1].replace(/^\.storybook\//, ".storybook-next/") : head[1];
  const file = readFileSync(new URL(`../${path}`, import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim());
  let at = 0;
  for (const line of lines.slice(1).map((text) => text.trim())) {
    if (line === "") continue;
    const found = file.indexOf(line, at);
    if (found < 0) fail(`README (${path}): "${line}" is not in ${path} (after line ${at})`);
    at = found + 1;
  }
  checked += 1;
}
if (checked < 4) fail(`expected at least 4 ts blocks in the Storybook page, found ${checked}`);
console.log(`readme: ${checked} code blocks of the msw Storybook page (docs/storybook.md) are this example's code`);

function fail(message) {
  console.error(`storybook example: FAIL: ${message}`);
  process.exit(1);
}
