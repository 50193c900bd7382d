/** The fenced code blocks of a Markdown file, with how each one is kept true. */

/** How a README block is kept true: typechecked here, run by a named test, or declared an illustration. */
export type BlockCheck = { kind: "typecheck" } | { kind: "tested-by"; path: string } | { kind: "illustrative" };

/** One fenced block: its language, code, 1-based line of the opening fence, and its check (undefined: none). */
export interface CodeBlock {
  lang: string;
  code: string;
  line: number;
  check: BlockCheck | undefined;
}

const FENCE = /^(`{3,})\s*(\S*)\s*(.*)$/;
const MARKER = /^<!--\s*readme-check:\s*(typecheck|illustrative|tested-by\s+(\S+))\s*-->$/;

/** Reads a marker: `<!-- readme-check: ... -->` on the line before the fence, or `illustrative` after the language. */
function checkOf(previousLine: string | undefined, info: string): BlockCheck | undefined {
  if (info.split(/\s+/).includes("illustrative")) return { kind: "illustrative" };
  const marker = MARKER.exec(previousLine?.trim() ?? "");
  if (!marker) return undefined;
  if (marker[2]) return { kind: "tested-by", path: marker[2] };
  return { kind: marker[1] === "typecheck" ? "typecheck" : "illustrative" };
}

/**
 * Splits Markdown into its fenced blocks (``` fences; a longer fence closes only on one as long).
 * @example codeBlocks("<!-- readme-check: typecheck -->\n```ts\nconst a = 1;\n```\n") // one typecheck block
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? "");
    if (!open?.[1]) continue;
    const fence = open[1];
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(fence); i++) body.push(lines[i] ?? "");
    // A blank line may sit between the marker and the fence.
    const before = lines
      .slice(0, start)
      .reverse()
      .find((line) => line.trim() !== "");
    blocks.push({
      lang: open[2] ?? "",
      code: body.join("\n"),
      line: start + 1,
      check: checkOf(before, open[3] ?? ""),
    });
  }
  return blocks;
}
