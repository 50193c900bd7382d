/** One example found in an OpenAPI document: where it is, its name, and its value as canonical JSON. */
export interface FoundExample {
  /** JSON pointer of the example in the document, such as `/components/examples/EmptyJourney`. */
  readonly pointer: string;
  /** The key under `examples`, or the name of the parameter or header that carries an `example`. */
  readonly name: string;
  /** The value, serialized with sorted keys so that equal values compare equal. */
  readonly value: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Serializes a JSON value with its object keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value as Json));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key] as Json)]),
    );
  }
  return value;
}

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function resolveLocal(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) {
    throw new Error(`[reference] Only local $ref are supported in examples, got "${ref}".`);
  }
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined) throw new Error(`[reference] The $ref "${ref}" points to nothing.`);
  return node;
}

/**
 * Lists every example of an OpenAPI document: each entry of an `examples` map (Example Objects, `$ref`s resolved
 * within the document) and each `example` of a parameter, header or media type. Schema-level `examples` arrays
 * are listed by index.
 *
 * @example
 * ```ts
 * findExamples({ components: { examples: { Empty: { value: { Item: [] } } } } });
 * // [{ pointer: "/components/examples/Empty", name: "Empty", value: '{"Item":[]}' }]
 * ```
 */
export function findExamples(document: unknown): FoundExample[] {
  const found: FoundExample[] = [];
  const visit = (node: unknown, pointer: string, owner: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${pointer}/${index}`, owner);
      });
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    const name = typeof record.name === "string" ? record.name : owner;
    for (const [key, child] of Object.entries(record)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (key === "example") {
        found.push({ pointer: at, name, value: canonicalJson(child) });
      } else if (key === "examples" && Array.isArray(child)) {
        child.forEach((value, index) => {
          found.push({ pointer: `${at}/${index}`, name, value: canonicalJson(value) });
        });
      } else if (key === "examples" && child !== null && typeof child === "object") {
        for (const [exampleName, example] of Object.entries(child as Record<string, unknown>)) {
          const target = resolveExample(document, example);
          found.push({ pointer: `${at}/${escapePointer(exampleName)}`, name: exampleName, value: target });
        }
      } else {
        visit(child, at, key);
      }
    }
  };
  visit(document, "", "");
  return found.sort((a, b) => a.pointer.localeCompare(b.pointer));
}

function resolveExample(document: unknown, example: unknown): string {
  let target = example;
  while (target !== null && typeof target === "object" && typeof (target as { $ref?: unknown }).$ref === "string") {
    target = resolveLocal(document, (target as { $ref: string }).$ref);
  }
  if (target !== null && typeof target === "object" && "value" in target) {
    return canonicalJson((target as { value: unknown }).value);
  }
  if (target !== null && typeof target === "object" && "externalValue" in target) {
    return canonicalJson({ externalValue: (target as { externalValue: unknown }).externalValue });
  }
  throw new Error("[reference] An Example Object has neither value nor externalValue.");
}
