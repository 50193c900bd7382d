import { ChangeLog } from "./change.js";
import { diffSchema, type Schema } from "./schema-diff.js";

type Node = Record<string, unknown>;
const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

function node(value: unknown): Node {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {};
}

function schemaOf(value: unknown): Schema | undefined {
  const schema = node(value).schema;
  return schema === undefined ? undefined : node(schema);
}

/** The parameters of an operation, path-level ones included, keyed by `in` and name (headers case-insensitively). */
function parameters(pathItem: Node, operation: Node): Map<string, Node> {
  const all = new Map<string, Node>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const parameter = node(raw);
      const name = String(parameter.name);
      const key = `${String(parameter.in)} ${parameter.in === "header" ? name.toLowerCase() : name}`;
      all.set(key, parameter);
    }
  }
  return all;
}

/**
 * Compares the paths and operations of two dereferenced OpenAPI documents and returns the changes that matter to
 * clients: operations, parameters, request bodies, responses, their headers and bodies, and security.
 *
 * @example
 * ```ts
 * diffOperations(dereference(before), dereference(after)).filter((c) => c.severity === "breaking");
 * ```
 */
export function diffOperations(before: Node, after: Node): ChangeLog {
  const log = new ChangeLog();
  const [pathsBefore, pathsAfter] = [node(before.paths), node(after.paths)];
  for (const path of Object.keys(pathsBefore)) {
    if (!(path in pathsAfter)) {
      log.breaking(path, "path removed");
      continue;
    }
    const [itemBefore, itemAfter] = [node(pathsBefore[path]), node(pathsAfter[path])];
    for (const method of methods) {
      const where = `${method.toUpperCase()} ${path}`;
      if (itemBefore[method] === undefined) {
        if (itemAfter[method] !== undefined) log.compatible(where, "operation added");
        continue;
      }
      if (itemAfter[method] === undefined) {
        log.breaking(where, "operation removed");
        continue;
      }
      const [operationBefore, operationAfter] = [node(itemBefore[method]), node(itemAfter[method])];
      diffOperation(where, itemBefore, operationBefore, itemAfter, operationAfter, before, after, log);
    }
  }
  for (const path of Object.keys(pathsAfter)) {
    if (!(path in pathsBefore)) log.compatible(path, "path added");
  }
  return log;
}

function diffOperation(
  where: string,
  itemBefore: Node,
  before: Node,
  itemAfter: Node,
  after: Node,
  documentBefore: Node,
  documentAfter: Node,
  log: ChangeLog,
): void {
  if (before.operationId !== after.operationId) {
    log.compatible(where, `operationId changed from ${String(before.operationId)} to ${String(after.operationId)}`);
  }
  const security = (operation: Node, document: Node) => JSON.stringify(operation.security ?? document.security ?? []);
  if (security(before, documentBefore) !== security(after, documentAfter)) {
    log.breaking(where, "security requirements changed: clients must authenticate differently");
  }
  diffParameters(where, parameters(itemBefore, before), parameters(itemAfter, after), log);
  diffRequestBody(where, node(before.requestBody), node(after.requestBody), log);
  diffResponses(where, node(before.responses), node(after.responses), log);
}

function diffParameters(where: string, before: Map<string, Node>, after: Map<string, Node>, log: ChangeLog): void {
  for (const [key, parameter] of before) {
    const at = `${where} ${key}`;
    const next = after.get(key);
    if (next === undefined) {
      log.compatible(at, "parameter removed: clients that still send it have it ignored");
      continue;
    }
    if (parameter.required !== true && next.required === true) log.breaking(at, "parameter made required");
    if (parameter.required === true && next.required !== true) log.compatible(at, "parameter made optional");
    for (const key of ["style", "explode", "allowReserved"] as const) {
      if (JSON.stringify(parameter[key]) !== JSON.stringify(next[key])) log.breaking(at, `${key} changed`);
    }
    diffSchema(schemaOf(parameter), schemaOf(next), at, "request", log);
  }
  for (const [key, parameter] of after) {
    if (before.has(key)) continue;
    if (parameter.required === true) log.breaking(`${where} ${key}`, "new required parameter");
    else log.compatible(`${where} ${key}`, "new optional parameter");
  }
}

function diffRequestBody(where: string, before: Node, after: Node, log: ChangeLog): void {
  const at = `${where} request body`;
  const [hadBody, hasBody] = [Object.keys(before).length > 0, Object.keys(after).length > 0];
  if (!hadBody && !hasBody) return;
  if (!hadBody) {
    if (after.required === true) log.breaking(at, "new required request body");
    else log.compatible(at, "new optional request body");
    return;
  }
  if (!hasBody) {
    log.breaking(at, "request body removed");
    return;
  }
  if (before.required !== true && after.required === true) log.breaking(at, "request body made required");
  diffContent(at, node(before.content), node(after.content), "request", log);
}

function diffResponses(where: string, before: Node, after: Node, log: ChangeLog): void {
  for (const status of Object.keys(before)) {
    const at = `${where} response ${status}`;
    if (!(status in after)) {
      log.breaking(at, "response removed");
      continue;
    }
    const [responseBefore, responseAfter] = [node(before[status]), node(after[status])];
    diffHeaders(at, node(responseBefore.headers), node(responseAfter.headers), log);
    diffContent(at, node(responseBefore.content), node(responseAfter.content), "response", log);
  }
  for (const status of Object.keys(after)) {
    if (!(status in before)) log.compatible(`${where} response ${status}`, "response added");
  }
}

function diffHeaders(where: string, before: Node, after: Node, log: ChangeLog): void {
  const lower = (headers: Node) => new Map(Object.entries(headers).map(([name, h]) => [name.toLowerCase(), node(h)]));
  const [headersBefore, headersAfter] = [lower(before), lower(after)];
  for (const [name, header] of headersBefore) {
    const at = `${where} header ${name}`;
    const next = headersAfter.get(name);
    if (next === undefined) {
      if (header.required === true) log.breaking(at, "required header removed");
      else log.compatible(at, "optional header removed");
      continue;
    }
    if (header.required === true && next.required !== true) log.breaking(at, "header made optional: it may be absent");
    diffSchema(schemaOf(header), schemaOf(next), at, "response", log);
  }
  for (const name of headersAfter.keys()) {
    if (!headersBefore.has(name)) log.compatible(`${where} header ${name}`, "header added");
  }
}

function diffContent(where: string, before: Node, after: Node, direction: "request" | "response", log: ChangeLog) {
  for (const mediaType of Object.keys(before)) {
    const at = `${where} ${mediaType}`;
    if (!(mediaType in after)) {
      log.breaking(at, "media type removed");
      continue;
    }
    diffSchema(schemaOf(before[mediaType]), schemaOf(after[mediaType]), `${at} body`, direction, log);
  }
  for (const mediaType of Object.keys(after)) {
    if (!(mediaType in before)) log.compatible(`${where} ${mediaType}`, "media type added");
  }
}
