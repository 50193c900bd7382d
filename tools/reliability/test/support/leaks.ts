import { inspect } from "node:util";

/**
 * Every way an error can reach a log or a screen, down its `cause` chain: `message`, `toString()`, `stack`,
 * `JSON.stringify`, and `util.inspect` with hidden properties, getters and no depth limit.
 */
export const errorSurfaces = (error: unknown): string[] => {
  const surfaces: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current != null && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    if (current instanceof Error) surfaces.push(current.message, String(current), current.stack ?? "");
    try {
      surfaces.push(JSON.stringify(current) ?? "");
    } catch (thrown) {
      surfaces.push(`JSON.stringify threw ${String(thrown)}`);
    }
    surfaces.push(inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }));
  }
  return surfaces;
};

/** The names of the `secrets` that occur in any of `texts` (a secret also counts when percent-encoded). */
export const secretsIn = (texts: readonly string[], secrets: Readonly<Record<string, string>>): string[] => {
  const all = texts.join("\n");
  return Object.entries(secrets)
    .filter(([, secret]) => secret && (all.includes(secret) || all.includes(encodeURIComponent(secret))))
    .map(([name]) => name);
};
