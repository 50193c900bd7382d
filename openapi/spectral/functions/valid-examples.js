// @ts-check
// ESM JavaScript with JSDoc types, checked by `tsc`: see aws-error-responses.js for why it is not TypeScript.
import { createRulesetFunction } from "@stoplight/spectral-core";
import { Findings, follow, HTTP_METHODS, isObject, toPointer } from "./lib/document.js";
import { describeError, ExampleValidator, errorPath } from "./lib/example-validator.js";

/** @typedef {import("./lib/document.js").Path} Path */

/** Keywords whose value is one subschema. */
const ONE_SCHEMA = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "contentSchema",
];
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];

/** Walks the contract where it is written and checks every example against the schema that governs it. */
class Walk {
  #root;
  #validator;
  #findings = new Findings();

  /** @param {unknown} root */
  constructor(root) {
    this.#root = root;
    this.#validator = new ExampleValidator(root);
  }

  /** @returns {{ message: string, path: Path }[]} */
  run() {
    const root = this.#root;
    if (!isObject(root)) return [];
    for (const section of ["paths", "webhooks"]) {
      const items = root[section];
      if (!isObject(items)) continue;
      for (const [key, item] of Object.entries(items)) this.pathItem(item, [section, key], key);
    }
    const components = isObject(root.components) ? root.components : {};
    /** @type {[string, (value: unknown, path: Path, label: string) => void][]} */
    const kinds = [
      ["schemas", (value, path) => this.schema(value, path)],
      ["parameters", (value, path, label) => this.parameter(value, path, label)],
      ["headers", (value, path, label) => this.header(value, path, label)],
      ["responses", (value, path, label) => this.response(value, path, label)],
      ["requestBodies", (value, path, label) => this.content(isObject(value) ? value.content : undefined, path, label)],
      ["pathItems", (value, path, label) => this.pathItem(value, path, label)],
    ];
    for (const [kind, visit] of kinds) {
      const entries = components[kind];
      if (!isObject(entries)) continue;
      for (const [name, value] of Object.entries(entries)) {
        const path = ["components", kind, name];
        visit(value, path, `\`${toPointer(path)}\``);
      }
    }
    return this.#findings.list();
  }

  /**
   * @param {unknown} item a Path Item Object as written (a `$ref` is checked where it points)
   * @param {Path} path
   * @param {string} name the path template, for messages
   */
  pathItem(item, path, name) {
    if (!isObject(item) || "$ref" in item) return;
    this.parameters(item.parameters, [...path, "parameters"], `path ${name}`);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const label = `${method.toUpperCase()} ${name}`;
      const at = [...path, method];
      this.parameters(operation.parameters, [...at, "parameters"], label);
      if (isObject(operation.requestBody) && !("$ref" in operation.requestBody)) {
        this.content(operation.requestBody.content, [...at, "requestBody"], `the request body of ${label}`);
      }
      if (isObject(operation.responses)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          this.response(response, [...at, "responses", status], `the ${status} response of ${label}`);
        }
      }
      if (isObject(operation.callbacks)) {
        for (const [name, callback] of Object.entries(operation.callbacks)) {
          if (!isObject(callback) || "$ref" in callback) continue;
          for (const [expression, callbackItem] of Object.entries(callback)) {
            this.pathItem(callbackItem, [...at, "callbacks", name, expression], expression);
          }
        }
      }
    }
  }

  /**
   * @param {unknown} list
   * @param {Path} path
   * @param {string} owner
   */
  parameters(list, path, owner) {
    if (!Array.isArray(list)) return;
    list.forEach((parameter, index) => {
      if (!isObject(parameter) || "$ref" in parameter) return;
      this.parameter(parameter, [...path, index], `parameter \`${String(parameter.name)}\` of ${owner}`);
    });
  }

  /**
   * A Parameter Object and a Header Object carry examples the same way.
   * @param {unknown} parameter
   * @param {Path} path
   * @param {string} label
   */
  parameter(parameter, path, label) {
    if (!isObject(parameter) || "$ref" in parameter) return;
    if (isObject(parameter.schema) || typeof parameter.schema === "boolean") {
      this.examples(parameter, path, [...path, "schema"], label);
      this.schema(parameter.schema, [...path, "schema"]);
    }
    this.content(parameter.content, path, label);
  }

  /**
   * @param {unknown} header
   * @param {Path} path
   * @param {string} label
   */
  header(header, path, label) {
    this.parameter(header, path, label);
  }

  /**
   * @param {unknown} response
   * @param {Path} path
   * @param {string} label
   */
  response(response, path, label) {
    if (!isObject(response) || "$ref" in response) return;
    if (isObject(response.headers)) {
      for (const [name, header] of Object.entries(response.headers)) {
        this.header(header, [...path, "headers", name], `header \`${name}\` of ${label}`);
      }
    }
    this.content(response.content, path, label);
  }

  /**
   * @param {unknown} content a map of media types to Media Type Objects
   * @param {Path} ownerPath where the object holding `content` is written
   * @param {string} label
   */
  content(content, ownerPath, label) {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const path = [...ownerPath, "content", mediaType];
      const mediaLabel = `the ${mediaType} body of ${label}`;
      if (isObject(media.schema) || typeof media.schema === "boolean") {
        this.examples(media, path, [...path, "schema"], mediaLabel);
        this.schema(media.schema, [...path, "schema"]);
      }
      if (isObject(media.encoding)) {
        for (const [property, encoding] of Object.entries(media.encoding)) {
          if (!isObject(encoding) || !isObject(encoding.headers)) continue;
          for (const [name, header] of Object.entries(encoding.headers)) {
            const at = [...path, "encoding", property, "headers", name];
            this.header(header, at, `header \`${name}\` of part \`${property}\` of ${mediaLabel}`);
          }
        }
      }
    }
  }

  /**
   * The `example` and `examples` of a Parameter, Header or Media Type Object.
   * @param {Record<string, unknown>} owner
   * @param {Path} path where `owner` is written
   * @param {Path} schemaPath
   * @param {string} label
   */
  examples(owner, path, schemaPath, label) {
    if (Object.hasOwn(owner, "example")) {
      this.check(schemaPath, owner.example, [...path, "example"], `The example of ${label}`);
    }
    if (!isObject(owner.examples)) return;
    for (const [name, written] of Object.entries(owner.examples)) {
      const example = follow(this.#root, written, [...path, "examples", name]);
      if (!example.ok) {
        this.#findings.add(example.path, `Example \`${name}\` of ${label} cannot be checked: ${example.message}`);
        continue;
      }
      if (!isObject(example.value) || !Object.hasOwn(example.value, "value")) continue;
      const source = example.refs.length > 0 ? ` (\`${toPointer(example.path)}\`)` : "";
      this.check(
        schemaPath,
        example.value.value,
        [...example.path, "value"],
        `Example \`${name}\`${source} of ${label}`,
      );
    }
  }

  /**
   * The `examples` (and the older `example`) of a Schema Object and of every subschema written inside it.
   * @param {unknown} schema
   * @param {Path} path
   */
  schema(schema, path) {
    if (!isObject(schema)) return;
    const label = `schema \`${toPointer(path)}\``;
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, index) => {
        this.check(path, value, [...path, "examples", index], `Example ${index} of ${label}`);
      });
    }
    if (Object.hasOwn(schema, "example"))
      this.check(path, schema.example, [...path, "example"], `The example of ${label}`);
    for (const keyword of ONE_SCHEMA) this.schema(schema[keyword], [...path, keyword]);
    for (const keyword of SCHEMA_LISTS) {
      const list = schema[keyword];
      if (!Array.isArray(list)) continue;
      list.forEach((child, index) => {
        this.schema(child, [...path, keyword, index]);
      });
    }
    for (const keyword of SCHEMA_MAPS) {
      const map = schema[keyword];
      if (isObject(map)) for (const [name, child] of Object.entries(map)) this.schema(child, [...path, keyword, name]);
    }
  }

  /**
   * @param {Path} schemaPath
   * @param {unknown} value
   * @param {Path} valuePath where the example's value is written
   * @param {string} name the example, in words
   */
  check(schemaPath, value, valuePath, name) {
    const compiled = this.#validator.at(schemaPath);
    if (!compiled.ok) {
      this.#findings.add(schemaPath, compiled.message);
      return;
    }
    if (compiled.validate(value)) return;
    const error = compiled.validate.errors?.[0];
    if (error === undefined) {
      this.#findings.add(valuePath, `${name} is not valid against its schema \`${toPointer(schemaPath)}\`. Fix it.`);
      return;
    }
    this.#findings.add(
      [...valuePath, ...errorPath(value, error)],
      `${name} is not valid against its schema \`${toPointer(schemaPath)}\`: ${describeError(error)}. Fix the example, or the schema if the example shows what Pinpoint really sends.`,
    );
  }
}

/** Checks every example of the contract against its schema with ajv (JSON Schema 2020-12 and ajv-formats). */
export default createRulesetFunction({ input: null, options: null }, function validExamples(root) {
  return new Walk(root).run();
});
