/**
 * Reads the OpenAPI definition that Redoc embeds in a page built by `redocly build-docs`
 * (`const __redoc_definition = {...};`): the page renders from it, so it is what the reader sees.
 *
 * @example
 * ```ts
 * embeddedDefinition(readFileSync("dist/index.html", "utf8")).info.version;
 * ```
 */
export function embeddedDefinition(html: string): Record<string, unknown> & { info: { version: string } } {
  const match = /const __redoc_definition = (\{.*?\});\s*const __redoc_options/s.exec(html);
  if (match?.[1] === undefined) {
    throw new Error(
      "[reference] The page has no embedded __redoc_definition: was it built by redocly build-docs --inlineBundle?",
    );
  }
  return JSON.parse(match[1]) as Record<string, unknown> & { info: { version: string } };
}
