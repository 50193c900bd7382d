import { parse } from "yaml";

/** A JSON value as it appears in a parsed OpenAPI document. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object of a parsed OpenAPI document. */
export type JsonObject = { [key: string]: JsonValue };

/** Raised when the contract cannot be read or lacks something the generators need. */
export class ContractError extends Error {
  override name = "ContractError";
}

/** Whether a JSON value is an object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses the YAML text of an OpenAPI 3.1 document.
 *
 * @example
 * ```ts
 * const doc = parseContract(readFileSync("openapi/journey-runs.yaml", "utf8"));
 * ```
 */
export function parseContract(text: string): JsonObject {
  let value: JsonValue;
  try {
    value = parse(text) as JsonValue;
  } catch (error) {
    throw new ContractError(`The contract is not valid YAML: ${(error as Error).message}`);
  }
  if (!isJsonObject(value) || typeof value.openapi !== "string" || !value.openapi.startsWith("3.1")) {
    throw new ContractError("The contract must be an OpenAPI 3.1 document (an object with `openapi: 3.1.x`).");
  }
  return value;
}

/** Follows a local JSON pointer (`#/components/schemas/Name`, RFC 6901) inside `doc`. */
export function resolvePointer(doc: JsonObject, ref: string): JsonValue {
  if (!ref.startsWith("#/")) {
    throw new ContractError(`Only local references are supported, got "${ref}". Inline the referenced file.`);
  }
  let node: JsonValue = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const next: JsonValue | undefined = isJsonObject(node) ? node[key] : undefined;
    if (next === undefined) throw new ContractError(`The reference "${ref}" points to nothing in the contract.`);
    node = next;
  }
  return node;
}

/**
 * Replaces every `$ref` in `value` by what it points to. Keys written beside a `$ref` (OpenAPI 3.1 allows them)
 * override the referenced object's keys, so `{ $ref: ErrorType, const: X }` becomes the enum schema plus `const: X`.
 */
export function dereference(doc: JsonObject, value: JsonValue, seen: readonly string[] = []): JsonValue {
  if (Array.isArray(value)) return value.map((item) => dereference(doc, item, seen));
  if (!isJsonObject(value)) return value;
  const { $ref, ...siblings } = value;
  const out: JsonObject = {};
  if (typeof $ref === "string") {
    if (seen.includes($ref)) {
      throw new ContractError(`The reference "${$ref}" is circular (${[...seen, $ref].join(" -> ")}).`);
    }
    const target = dereference(doc, resolvePointer(doc, $ref), [...seen, $ref]);
    if (!isJsonObject(target)) throw new ContractError(`The reference "${$ref}" must point to an object.`);
    Object.assign(out, target);
  }
  for (const [key, child] of Object.entries(siblings)) out[key] = dereference(doc, child, seen);
  return out;
}
