import { ContractError, dereference, isJsonObject, type JsonObject, type JsonValue } from "./openapi-document.js";

/** One parameter of the operation: where it travels and the schema it must satisfy. */
export interface ParameterRule {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonObject;
  example?: JsonValue;
}

/** One response header: whether it must be present and its schema. */
export interface HeaderRule {
  required: boolean;
  schema: JsonObject;
}

/** One documented response: status, headers, JSON body schema and named example bodies. */
export interface ResponseRule {
  status: number;
  headers: Record<string, HeaderRule>;
  schema: JsonObject;
  examples: Record<string, JsonValue>;
}

/** One documented error: its status, its AWS error type and the message of its first example. */
export interface ErrorRule extends ResponseRule {
  type: string;
  message: string;
}

/** Everything about one operation that a fake needs to enforce the contract at run time. */
export interface OperationContract {
  operationId: string;
  method: string;
  path: string;
  parameters: ParameterRule[];
  success: ResponseRule;
  errors: ErrorRule[];
}

/** The header whose `const` names the AWS error type of an error response (smithy restJson1). */
export const ERROR_TYPE_HEADER = "X-Amzn-ErrorType";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const DOC_KEYS = new Set(["description", "summary", "example", "examples", "deprecated"]);

/** Drops documentation-only keys (descriptions, examples, `x-` extensions) from a dereferenced schema. */
export function trimSchema(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(trimSchema);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (DOC_KEYS.has(key) || key.startsWith("x-")) continue;
    // `properties` maps names to schemas: a property may well be called "description".
    out[key] = key === "properties" && isJsonObject(child) ? trimProperties(child) : trimSchema(child);
  }
  return out;
}

function trimProperties(properties: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, trimSchema(schema)]));
}

function objectAt(value: JsonValue | undefined, what: string): JsonObject {
  if (!isJsonObject(value)) throw new ContractError(`The contract has no ${what}.`);
  return value;
}

function findOperation(doc: JsonObject, operationId: string) {
  const paths = objectAt(doc.paths, "`paths` object");
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = objectAt(dereference(doc, rawItem), `path item for ${path}`);
    for (const method of METHODS) {
      const operation = item[method];
      if (isJsonObject(operation) && operation.operationId === operationId) {
        const shared = Array.isArray(item.parameters) ? item.parameters : [];
        return { path, method, operation: objectAt(dereference(doc, operation), operationId), shared };
      }
    }
  }
  throw new ContractError(`The contract has no operation with operationId "${operationId}".`);
}

function toParameter(doc: JsonObject, raw: JsonValue): ParameterRule {
  const param = objectAt(dereference(doc, raw), "parameter object");
  const { name, in: location, required, schema, example } = param;
  if (typeof name !== "string" || !["path", "query", "header", "cookie"].includes(String(location))) {
    throw new ContractError(`Every parameter needs a \`name\` and an \`in\`; got ${JSON.stringify(param)}.`);
  }
  const rule: ParameterRule = {
    name,
    in: location as ParameterRule["in"],
    required: required === true,
    schema: objectAt(trimSchema(schema ?? {}), `schema for parameter ${name}`),
  };
  if (example !== undefined) rule.example = example;
  return rule;
}

function toResponse(status: number, raw: JsonObject): ResponseRule {
  const headers: Record<string, HeaderRule> = {};
  for (const [name, header] of Object.entries(objectAt(raw.headers ?? {}, `headers of response ${status}`))) {
    const h = objectAt(header, `header ${name} of response ${status}`);
    headers[name] = {
      required: h.required === true,
      schema: objectAt(trimSchema(h.schema ?? {}), `schema of ${name}`),
    };
  }
  const content = objectAt(raw.content, `content of response ${status}`);
  const json = objectAt(content["application/json"], `application/json content of response ${status}`);
  const examples: Record<string, JsonValue> = {};
  for (const [name, example] of Object.entries(objectAt(json.examples ?? {}, `examples of response ${status}`))) {
    const value = objectAt(example, `example ${name}`).value;
    if (value !== undefined) examples[name] = value;
  }
  return { status, headers, schema: objectAt(trimSchema(json.schema ?? {}), `schema of response ${status}`), examples };
}

function toError(status: number, response: ResponseRule): ErrorRule {
  const typeSchema = response.headers[ERROR_TYPE_HEADER]?.schema;
  const type = typeSchema?.const;
  if (typeof type !== "string") {
    throw new ContractError(`Response ${status} needs an ${ERROR_TYPE_HEADER} header whose schema has a \`const\`.`);
  }
  const first = Object.values(response.examples)[0];
  const message = isJsonObject(first) && typeof first.Message === "string" ? first.Message : type;
  return { ...response, type, message };
}

/**
 * Extracts, for one operation, the rules a fake enforces: parameters with their limits, the success response,
 * and every error response with its AWS error type (the run statuses are generated once, in `@journey-runs/types`).
 *
 * @example
 * ```ts
 * const contract = extractOperationContract(parseContract(text), "GetJourneyRuns");
 * contract.errors.map((e) => e.type); // ["BadRequestException", ...]
 * ```
 */
export function extractOperationContract(doc: JsonObject, operationId: string): OperationContract {
  const { path, method, operation, shared } = findOperation(doc, operationId);
  const own = Array.isArray(operation.parameters) ? operation.parameters : [];
  const byKey = new Map<string, ParameterRule>();
  // Operation-level parameters override path-level ones with the same name and location (OpenAPI 3.1, 4.8.9).
  for (const raw of [...shared, ...own]) {
    const rule = toParameter(doc, raw);
    byKey.set(`${rule.in}:${rule.name}`, rule);
  }
  const responses = objectAt(operation.responses, `responses of ${operationId}`);
  let success: ResponseRule | undefined;
  const errors: ErrorRule[] = [];
  for (const [code, raw] of Object.entries(responses)) {
    const status = Number(code);
    if (!Number.isInteger(status)) throw new ContractError(`Response "${code}" must be a numeric status code.`);
    const response = toResponse(status, objectAt(raw, `response ${code}`));
    if (status >= 200 && status < 300) {
      if (success) throw new ContractError(`${operationId} documents more than one success response.`);
      success = response;
    } else errors.push(toError(status, response));
  }
  if (!success) throw new ContractError(`${operationId} documents no success (2xx) response.`);
  errors.sort((a, b) => a.status - b.status);
  return {
    operationId,
    method: method.toUpperCase(),
    path,
    parameters: [...byKey.values()],
    success,
    errors,
  };
}
