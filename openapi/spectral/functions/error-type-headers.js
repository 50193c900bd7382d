// @ts-check
// ESM JavaScript with JSDoc types, checked by `tsc`: see aws-error-responses.js for why it is not TypeScript.
import { createRulesetFunction } from "@stoplight/spectral-core";
import { errorTypesForStatus, isErrorStatus } from "./lib/aws-errors.js";
import { entryIgnoringCase, Findings, follow, isObject, operations, toPointer } from "./lib/document.js";

/** @typedef {import("./lib/document.js").Path} Path */

/**
 * The first `const` along a schema and its `$ref` chain (a `const` beside a `$ref` wins over the target's).
 * @param {unknown} root
 * @param {unknown} schema
 * @param {Path} path where the schema is written
 * @returns {{ value: unknown, path: Path } | undefined}
 */
function constOf(root, schema, path) {
  let current = schema;
  let at = path;
  for (let depth = 0; depth < 32 && isObject(current); depth += 1) {
    if (Object.hasOwn(current, "const")) return { value: current.const, path: [...at, "const"] };
    if (typeof current.$ref !== "string") return undefined;
    const next = follow(root, { $ref: current.$ref }, at);
    if (!next.ok) return undefined;
    current = next.value;
    at = next.path;
  }
  return undefined;
}

/**
 * Checks one required header of an error response; returns the header object when it exists.
 * @param {Findings} findings
 * @param {unknown} root
 * @param {{ label: string, sentence: string, headers: unknown, headersPath: Path, responsePath: Path }} response
 * @param {string} name the header's name as Pinpoint spells it
 * @param {string} why what clients do with the header
 * @returns {{ value: Record<string, unknown>, path: Path } | undefined}
 */
function requiredHeader(findings, root, response, name, why) {
  const entry = isObject(response.headers) ? entryIgnoringCase(response.headers, name) : undefined;
  if (entry === undefined) {
    findings.add(
      isObject(response.headers) ? response.headersPath : response.responsePath,
      `${response.sentence} declares no \`${name}\` header. Add it under \`headers\` with \`required: true\`: ${why}`,
    );
    return undefined;
  }
  const header = follow(root, entry[1], [...response.headersPath, entry[0]]);
  if (!header.ok) {
    findings.add(header.path, `The \`${name}\` header of ${response.label} cannot be checked: ${header.message}`);
    return undefined;
  }
  if (!isObject(header.value)) return undefined;
  if (header.value.required !== true) {
    findings.add(
      Object.hasOwn(header.value, "required") ? [...header.path, "required"] : header.path,
      `The \`${name}\` header \`${toPointer(header.path)}\` of ${response.label} is not required. Set \`required: true\`: Pinpoint sends it with every error, and ${why}`,
    );
  }
  return { value: header.value, path: header.path };
}

/**
 * Checks that every 4xx/5xx response declares the required `X-Amzn-ErrorType` and `x-amzn-RequestId` headers,
 * and that a `const` on the error type names the error of that status.
 */
export default createRulesetFunction({ input: null, options: null }, function errorTypeHeaders(root) {
  const findings = new Findings();
  for (const site of operations(root)) {
    const responses = follow(root, site.operation.responses, [...site.path, "responses"]);
    if (!responses.ok || !isObject(responses.value)) continue;
    for (const [status, written] of Object.entries(responses.value)) {
      if (!isErrorStatus(status)) continue;
      const response = follow(root, written, [...responses.path, status]);
      if (!response.ok) {
        findings.add(response.path, `The ${status} response of ${site.name} cannot be checked: ${response.message}`);
        continue;
      }
      if (!isObject(response.value)) continue;
      const label =
        response.refs.length > 0
          ? `the ${status} response \`${toPointer(response.path)}\``
          : `the ${status} response of ${site.name}`;
      const sentence = `${label[0]?.toUpperCase() ?? ""}${label.slice(1)}`;
      const where = {
        label,
        sentence,
        headers: response.value.headers,
        headersPath: [...response.path, "headers"],
        responsePath: response.path,
      };
      const types = errorTypesForStatus(status);
      const errorType = requiredHeader(
        findings,
        root,
        where,
        "X-Amzn-ErrorType",
        `restJson1 clients read the AWS error type from it${types.length === 1 ? ` (here \`${types[0]}\`)` : ""}.`,
      );
      requiredHeader(
        findings,
        root,
        where,
        "x-amzn-RequestId",
        "callers quote the request id to AWS Support, and error bodies repeat it as `RequestID`.",
      );
      if (errorType === undefined || types.length === 0) continue;
      const fixed = constOf(root, errorType.value.schema, [...errorType.path, "schema"]);
      if (fixed !== undefined && (typeof fixed.value !== "string" || !types.includes(fixed.value))) {
        const expected = types.length === 1 ? `\`${types[0]}\`` : `one of ${types.map((t) => `\`${t}\``).join(", ")}`;
        findings.add(
          fixed.path,
          `The \`X-Amzn-ErrorType\` header of ${label} is fixed to ${JSON.stringify(fixed.value)}, but Pinpoint answers ${status} with ${expected}. Set its \`const\` to ${expected}, or move the response to the status of that error.`,
        );
      }
    }
  }
  return findings.list();
});
