// @ts-check
// Spectral custom functions of this ruleset are ESM JavaScript with JSDoc types, checked by `tsc` (checkJs in
// openapi/tsconfig.json), not TypeScript: the Spectral CLI bundles them with rollup straight from these files and
// its bundler has no TypeScript transform, so a `.ts` function would need a build step before every lint.
import { createRulesetFunction } from "@stoplight/spectral-core";
import { AWS_ERRORS } from "./lib/aws-errors.js";
import { Findings, follow, isObject, localRefSegments, operations, toPointer, valueAt } from "./lib/document.js";

/** @typedef {import("./lib/document.js").Path} Path */

/** Where the one error body of Pinpoint is described. */
export const MESSAGE_BODY = "#/components/schemas/MessageBody";

/** Keywords that may stand beside a `$ref` without changing what the schema accepts. */
const ANNOTATIONS = new Set(["description", "title", "$comment", "examples", "example", "deprecated", "readOnly"]);

/**
 * Why a schema is not the shared MessageBody, or `undefined` when it is (directly or through `$ref`s).
 * @param {unknown} root
 * @param {unknown} schema
 * @returns {string | undefined}
 */
function notMessageBody(root, schema) {
  /** @type {string[]} */
  const seen = [];
  if (schema === undefined) return "is missing";
  /** @type {unknown} */
  let current = schema;
  for (;;) {
    if (!isObject(current) || typeof current.$ref !== "string") {
      return seen.length === 0
        ? "is an inline schema, not the shared MessageBody"
        : `resolves to \`${seen.at(-1)}\`, which is not MessageBody`;
    }
    const ref = current.$ref;
    const extra = Object.keys(current).filter(
      (key) => key !== "$ref" && !ANNOTATIONS.has(key) && !key.startsWith("x-"),
    );
    if (extra.length > 0) {
      return `adds ${extra.map((key) => `\`${key}\``).join(", ")} beside \`$ref: ${ref}\`, so it is not exactly MessageBody`;
    }
    const segments = localRefSegments(ref);
    const target = segments === undefined ? undefined : valueAt(root, segments);
    if (target === undefined) return `refers to \`${ref}\`, which does not exist in this document`;
    if (ref === MESSAGE_BODY) return undefined;
    if (seen.includes(ref)) return `is a reference cycle (${[...seen, ref].join(" -> ")})`;
    seen.push(ref);
    current = target.value;
  }
}

/**
 * Checks that every operation documents the seven AWS errors of GetJourneyRuns, each with an `application/json`
 * body that is the shared `MessageBody` schema.
 */
export default createRulesetFunction({ input: null, options: null }, function awsErrorResponses(root) {
  const findings = new Findings();
  for (const site of operations(root)) {
    const responses = follow(root, site.operation.responses, [...site.path, "responses"]);
    if (!responses.ok) {
      findings.add(responses.path, `The responses of ${site.name} cannot be read: ${responses.message}`);
      continue;
    }
    if (!isObject(responses.value)) {
      findings.add(
        site.path,
        `${site.name} documents no responses. Add them, the seven AWS errors included (400, 403, 404, 405, 413, 429, 500).`,
      );
      continue;
    }
    for (const { status, type } of AWS_ERRORS) {
      if (!Object.hasOwn(responses.value, status)) {
        findings.add(
          responses.path,
          `${site.name} does not document the ${status} ${type} response. Add \`"${status}": { $ref: "#/components/responses/${type}" }\` (an application/json body of MessageBody): Pinpoint may answer any request with each of its seven AWS errors.`,
        );
        continue;
      }
      const response = follow(root, responses.value[status], [...responses.path, status]);
      if (!response.ok) {
        findings.add(
          response.path,
          `The ${status} ${type} response of ${site.name} cannot be checked: ${response.message}`,
        );
        continue;
      }
      const label =
        response.refs.length > 0
          ? `The ${status} ${type} response \`${toPointer(response.path)}\``
          : `The ${status} ${type} response of ${site.name}`;
      const content = isObject(response.value) ? response.value.content : undefined;
      const media = isObject(content) ? content["application/json"] : undefined;
      if (!isObject(media)) {
        findings.add(
          isObject(content) ? [...response.path, "content"] : response.path,
          `${label} has no application/json content. Add \`content: { application/json: { schema: { $ref: "${MESSAGE_BODY}" } } }\`: Pinpoint sends every error as JSON { Message, RequestID }.`,
        );
        continue;
      }
      /** @type {Path} */
      const schemaPath = [...response.path, "content", "application/json", "schema"];
      const why = notMessageBody(root, media.schema);
      if (why !== undefined) {
        findings.add(
          Object.hasOwn(media, "schema") ? schemaPath : schemaPath.slice(0, -1),
          `${label}: its application/json schema ${why}. Use \`schema: { $ref: "${MESSAGE_BODY}" }\`: every Pinpoint error has the same body { Message, RequestID }.`,
        );
      }
    }
  }
  return findings.list();
});
