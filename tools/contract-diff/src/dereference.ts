type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function lookup(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) {
    throw new Error(`[contract-diff] Only references inside the contract are supported, got "${ref}".`);
  }
  let node = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = isNode(node) || Array.isArray(node) ? (node as Node)[key] : undefined;
    if (node === undefined) throw new Error(`[contract-diff] The reference "${ref}" points to nothing.`);
  }
  return node;
}

/**
 * Returns a copy of an OpenAPI document with every local `$ref` replaced by what it points to. OpenAPI 3.1 allows
 * keywords beside `$ref` (a `description`, a `const`): they are kept and win over the target's. A reference cycle
 * is left as the `$ref` object the second time round, so the walk ends.
 *
 * @example
 * ```ts
 * dereference({ a: { $ref: "#/b" }, b: { type: "string" } }).a; // { type: "string" }
 * ```
 */
export function dereference<T>(document: T): T {
  const visit = (value: unknown, stack: ReadonlySet<string>): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(item, stack));
    if (!isNode(value)) return value;
    const ref = value.$ref;
    if (typeof ref === "string") {
      if (stack.has(ref)) return value;
      const { $ref: _, ...siblings } = value;
      const target = visit(lookup(document, ref), new Set([...stack, ref]));
      const merged = isNode(target) ? { ...target } : {};
      for (const [key, sibling] of Object.entries(siblings)) merged[key] = visit(sibling, stack);
      return merged;
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child, stack)]));
  };
  return visit(document, new Set()) as T;
}
