// @ts-check
/**
 * Validation of examples with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) and ajv-formats.
 * The whole contract is registered as one schema resource, so a schema is compiled where it is written and its
 * local `$ref`s (`#/components/schemas/...`) resolve inside the document, the way OpenAPI 3.1 reads them.
 * The document sits under `$defs` of that resource (its own root is no schema: ajv's strict mode would refuse
 * `openapi`, `paths`, ... as keywords), and its local references are rebased to match.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { isObject, toPointer } from "./document.js";

/** @typedef {import("./document.js").Path} Path */
/** @typedef {import("ajv").ErrorObject} ErrorObject */
/** @typedef {{ ok: true, validate: import("ajv").ValidateFunction } | { ok: false, message: string }} Compiled */

/** The base URI under which the contract is registered; never fetched. */
const DOCUMENT_ID = "https://journey-runs.invalid/journey-runs.yaml";

/** Where the contract sits inside the registered resource. */
const CONTRACT_BASE = "/$defs/contract";

/** Keywords of the OpenAPI 3.1 base vocabulary: annotations as far as validation goes. */
const OPENAPI_KEYWORDS = ["discriminator", "xml", "externalDocs", "example"];

/**
 * Every `x-` key written anywhere in the document: OpenAPI allows extensions in Schema Objects, and ajv's strict
 * mode refuses keywords it does not know, so they are declared as annotations.
 * @param {unknown} value
 * @param {Set<string>} found
 * @returns {Set<string>}
 */
function extensionKeys(value, found = new Set()) {
  if (Array.isArray(value)) {
    for (const item of value) extensionKeys(item, found);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeys(child, found);
    }
  }
  return found;
}

/**
 * The URI of the schema written at `path`, with each pointer segment percent-encoded as a URI fragment.
 * @param {Path} path
 * @returns {string}
 */
function schemaUri(path) {
  const fragment = path
    .map((segment) => `/${encodeURIComponent(String(segment).replaceAll("~", "~0").replaceAll("/", "~1"))}`)
    .join("");
  return `${DOCUMENT_ID}#${CONTRACT_BASE}${fragment}`;
}

/**
 * A JSON copy of the contract whose local `$ref`s point under {@link CONTRACT_BASE}.
 * @param {unknown} value
 * @returns {unknown}
 */
function rebase(value) {
  if (Array.isArray(value)) return value.map(rebase);
  if (!isObject(value)) return value;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      key === "$ref" && typeof child === "string" && (child === "#" || child.startsWith("#/"))
        ? `#${CONTRACT_BASE}${child.slice(1)}`
        : rebase(child);
  }
  return copy;
}

/**
 * The first validation error in words: where in the example and what is wrong.
 * @param {ErrorObject} error
 * @returns {string}
 */
export function describeError(error) {
  const where = error.instancePath === "" ? "the value" : `\`${error.instancePath}\``;
  const params = /** @type {Record<string, unknown>} */ (error.params);
  let detail = error.message ?? "is not valid";
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    detail += ` (${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")})`;
  } else if (error.keyword === "const") {
    detail += ` ${JSON.stringify(params.allowedValue)}`;
  } else if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    detail += ` (\`${String(params.additionalProperty ?? params.unevaluatedProperty)}\`)`;
  }
  return `${where} ${detail}`;
}

/**
 * The path inside the example where the first error is, for the result's location.
 * @param {unknown} example
 * @param {ErrorObject} error
 * @returns {Path}
 */
export function errorPath(example, error) {
  /** @type {Path} */
  const path = [];
  let current = example;
  const segments = error.instancePath === "" ? [] : error.instancePath.slice(1).split("/");
  for (const raw of segments) {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(current)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = isObject(current) ? current[segment] : undefined;
    }
  }
  const params = /** @type {Record<string, unknown>} */ (error.params);
  const extra = params.additionalProperty ?? params.unevaluatedProperty;
  if (typeof extra === "string") path.push(extra);
  return path;
}

/** Compiles the schemas of one contract on demand and keeps each compiled validator. */
export class ExampleValidator {
  #ajv;
  /** @type {Map<string, Compiled>} */
  #compiled = new Map();

  /** @param {unknown} root the whole contract, unresolved */
  constructor(root) {
    // strictSchema refuses unknown keywords and formats, so a misspelt keyword cannot let an example through
    // unchecked; the type and tuple strictness checks are about schema style, which this rule does not judge.
    this.#ajv = new Ajv2020({
      strictSchema: true,
      strictNumbers: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allErrors: false,
      logger: false,
    });
    ajvFormats.default(this.#ajv);
    for (const keyword of [...OPENAPI_KEYWORDS, ...extensionKeys(root)]) this.#ajv.addKeyword(keyword);
    // Spectral hands functions a proxy of the document; rebase makes a plain JSON copy of it.
    const resource = { $id: DOCUMENT_ID, $defs: { contract: rebase(root) } };
    this.#ajv.addSchema(resource, DOCUMENT_ID, undefined, false);
  }

  /**
   * The validator of the schema written at `path`, or why it cannot be compiled.
   * @param {Path} path
   * @returns {Compiled}
   */
  at(path) {
    const uri = schemaUri(path);
    let compiled = this.#compiled.get(uri);
    if (compiled === undefined) {
      try {
        compiled = { ok: true, validate: this.#ajv.compile({ $ref: uri }) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        compiled = {
          ok: false,
          message: `The schema \`${toPointer(path)}\` cannot be compiled as JSON Schema 2020-12 (${reason.replaceAll(`${DOCUMENT_ID}#${CONTRACT_BASE}`, "#")}), so its examples cannot be checked. Fix the schema.`,
        };
      }
      this.#compiled.set(uri, compiled);
    }
    return compiled;
  }
}
