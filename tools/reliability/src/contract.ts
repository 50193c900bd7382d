import { readFileSync } from "node:fs";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// Both are CommonJS modules whose export is the class or function, also set as `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** Where the contract is, from this file (src/ or dist/ of tools/reliability). */
export const CONTRACT_URL: URL = new URL("../../../openapi/journey-runs.yaml", import.meta.url);

/** A response as the validator reads it: status, headers and the body as text. */
export interface ContractResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

type Json = Record<string, unknown>;

const RUNS_PATH = "/v1/apps/{application-id}/journeys/{journey-id}/runs";

const ID = "urn:journey-runs:contract";

/** `#/components/schemas/X` becomes `urn:journey-runs:contract#/$defs/X`: one JSON Schema 2020-12 document of them. */
const toDefs = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(toDefs)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value).map(([key, inner]) => [
            key,
            key === "$ref" && typeof inner === "string"
              ? inner.replace("#/components/schemas/", `${ID}#/$defs/`)
              : toDefs(inner),
          ]),
        )
      : value;

/**
 * A validator of GetJourneyRuns responses built with ajv (JSON Schema 2020-12, formats) straight from
 * `openapi/journey-runs.yaml`, independent of the mock's generated rules: it lists how a response breaks the
 * contract (undocumented status, content type, a missing or wrong header, a body off its schema, a RequestID that
 * differs from the header), and returns `[]` for a conforming one.
 */
export const createContractValidator = (contractText = readFileSync(CONTRACT_URL, "utf8")) => {
  const doc = parse(contractText) as Json;
  const components = doc.components as Record<string, Record<string, Json>>;
  const deref = (value: Json, kind: string): Json =>
    typeof value.$ref === "string" ? (components[kind]?.[value.$ref.split("/").pop() as string] as Json) : value;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: ID, $defs: toDefs(components.schemas) as Json });
  const compile = (schema: unknown) => ajv.compile(toDefs(schema) as Json);
  const operation = (doc.paths as Record<string, Record<string, Json>>)[RUNS_PATH]?.get as Json;
  const rules = new Map(
    Object.entries(operation.responses as Record<string, Json>).map(([status, raw]) => {
      const response = deref(raw, "responses");
      const schema = ((response.content as Json)["application/json"] as Json).schema;
      const headers = Object.entries((response.headers ?? {}) as Record<string, Json>).map(([name, rawHeader]) => {
        const header = deref(rawHeader, "headers");
        return { name, required: header.required === true, check: compile(header.schema) };
      });
      return [Number(status), { body: compile(schema), headers }] as const;
    }),
  );

  return (response: ContractResponse): string[] => {
    const rule = rules.get(response.status);
    if (!rule) return [`status ${response.status} is not documented (${[...rules.keys()].join(", ")})`];
    const problems: string[] = [];
    const type = response.headers.get("content-type");
    if (type?.split(";")[0]?.trim() !== "application/json") problems.push(`Content-Type is ${type}`);
    for (const header of rule.headers) {
      const value = response.headers.get(header.name);
      if (value === null) {
        if (header.required) problems.push(`header ${header.name} is missing`);
      } else if (!header.check(value)) {
        problems.push(`header ${header.name}=${JSON.stringify(value)}: ${ajv.errorsText(header.check.errors)}`);
      }
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [...problems, `body is not JSON: ${response.body.slice(0, 80)}`];
    }
    if (!rule.body(body)) problems.push(`body: ${ajv.errorsText(rule.body.errors)}`);
    if (response.status >= 400) {
      const requestId = (body as { RequestID?: unknown } | null)?.RequestID;
      if (requestId !== response.headers.get("x-amzn-RequestId"))
        problems.push("RequestID differs from x-amzn-RequestId");
    }
    return problems;
  };
};
