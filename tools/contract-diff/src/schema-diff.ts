import type { ChangeLog, Direction } from "./change.js";

/** A JSON Schema (OpenAPI 3.1 dialect) after dereferencing. */
export type Schema = Record<string, unknown>;

const lowerBounds = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"] as const;
const upperBounds = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"] as const;
const compositions = ["allOf", "oneOf", "anyOf", "not", "if", "then", "else", "prefixItems"] as const;

function types(schema: Schema): string[] | undefined {
  const type = schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.map(String).sort();
  return undefined;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function asSchema(value: unknown): Schema | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Schema) : undefined;
}

/**
 * Compares two schemas of the same place and logs what changed for clients. In a request (what clients send)
 * accepting fewer values breaks them; in a response (what they read) new values, missing fields and looser
 * limits break them. Descriptions and examples are documentation and are not compared here.
 *
 * @example
 * ```ts
 * const log = new ChangeLog();
 * diffSchema({ type: "string" }, { type: "integer" }, "query page-size", "request", log);
 * log.changes[0].severity; // "breaking"
 * ```
 */
export function diffSchema(
  before: Schema | undefined,
  after: Schema | undefined,
  where: string,
  direction: Direction,
  log: ChangeLog,
  seen: WeakSet<Schema> = new WeakSet(),
): void {
  if (before === undefined || after === undefined) {
    if (before !== after) log.breaking(where, before === undefined ? "schema added" : "schema removed");
    return;
  }
  if (seen.has(before)) return;
  seen.add(before);

  const [typesBefore, typesAfter] = [types(before), types(after)];
  if (show(typesBefore) !== show(typesAfter)) {
    const wider = typesAfter === undefined || (typesBefore?.every((t) => typesAfter.includes(t)) ?? false);
    const narrower = typesBefore === undefined || (typesAfter?.every((t) => typesBefore.includes(t)) ?? false);
    const what = `type changed from ${show(typesBefore ?? "any")} to ${show(typesAfter ?? "any")}`;
    if (wider !== narrower) log.bound(direction, narrower, where, what);
    else log.breaking(where, what);
  }

  diffEnum(before, after, where, direction, log);
  for (const key of ["const", "format", "pattern"] as const) {
    if (show(before[key]) === show(after[key])) continue;
    const what = `${key} changed from ${show(before[key]) ?? "none"} to ${show(after[key]) ?? "none"}`;
    if (before[key] === undefined) log.bound(direction, true, where, what);
    else if (after[key] === undefined) log.bound(direction, false, where, what);
    else log.breaking(where, what);
  }
  for (const key of lowerBounds) diffBound(before[key], after[key], key, true, where, direction, log);
  for (const key of upperBounds) diffBound(before[key], after[key], key, false, where, direction, log);
  for (const key of compositions) {
    if (show(before[key]) !== show(after[key])) log.breaking(where, `${key} changed (not analysed further: review it)`);
  }

  diffProperties(before, after, where, direction, log, seen);
  const [itemsBefore, itemsAfter] = [asSchema(before.items), asSchema(after.items)];
  if (itemsBefore !== undefined || itemsAfter !== undefined) {
    diffSchema(itemsBefore, itemsAfter, `${where}[]`, direction, log, seen);
  }
}

function diffEnum(before: Schema, after: Schema, where: string, direction: Direction, log: ChangeLog): void {
  const [valuesBefore, valuesAfter] = [before.enum, after.enum].map((e) => (Array.isArray(e) ? e.map(show) : e));
  if (valuesBefore === undefined && valuesAfter === undefined) return;
  if (!Array.isArray(valuesBefore) || !Array.isArray(valuesAfter)) {
    const what = valuesBefore === undefined ? "enum added" : "enum removed";
    log.bound(direction, valuesBefore === undefined, where, what);
    return;
  }
  const removed = valuesBefore.filter((v) => !valuesAfter.includes(v));
  const added = valuesAfter.filter((v) => !valuesBefore.includes(v));
  if (removed.length > 0) log.bound(direction, true, where, `enum narrowed: ${removed.join(", ")} removed`);
  if (added.length > 0) log.bound(direction, false, where, `enum widened: ${added.join(", ")} added`);
}

function diffBound(
  before: unknown,
  after: unknown,
  key: string,
  lower: boolean,
  where: string,
  direction: Direction,
  log: ChangeLog,
): void {
  if (before === after) return;
  const what = `${key} changed from ${show(before) ?? "none"} to ${show(after) ?? "none"}`;
  if (typeof before !== "number") log.bound(direction, true, where, what);
  else if (typeof after !== "number") log.bound(direction, false, where, what);
  else log.bound(direction, lower ? after > before : after < before, where, what);
}

function diffProperties(
  before: Schema,
  after: Schema,
  where: string,
  direction: Direction,
  log: ChangeLog,
  seen: WeakSet<Schema>,
): void {
  const propsBefore = asSchema(before.properties) ?? {};
  const propsAfter = asSchema(after.properties) ?? {};
  const requiredBefore = new Set(Array.isArray(before.required) ? before.required.map(String) : []);
  const requiredAfter = new Set(Array.isArray(after.required) ? after.required.map(String) : []);
  const closedAfter = after.additionalProperties === false;

  for (const name of Object.keys(propsBefore)) {
    const at = `${where}.${name}`;
    if (!(name in propsAfter)) {
      if (direction === "response") log.breaking(at, "field removed");
      else if (closedAfter) log.breaking(at, "field removed, and the object accepts no other field");
      else log.compatible(at, "field removed from the request (servers ignore unknown fields)");
      continue;
    }
    diffSchema(asSchema(propsBefore[name]), asSchema(propsAfter[name]), at, direction, log, seen);
  }
  for (const name of Object.keys(propsAfter)) {
    if (name in propsBefore) continue;
    const required = requiredAfter.has(name) ? "required " : "optional ";
    if (direction === "request" && requiredAfter.has(name)) log.breaking(`${where}.${name}`, "new required field");
    else log.compatible(`${where}.${name}`, `new ${direction === "response" ? "" : required}field`);
  }
  for (const name of requiredAfter) {
    if (requiredBefore.has(name) || !(name in propsBefore)) continue;
    log.bound(direction, true, `${where}.${name}`, "field made required");
  }
  for (const name of requiredBefore) {
    if (requiredAfter.has(name) || !(name in propsAfter)) continue;
    log.bound(direction, false, `${where}.${name}`, "field made optional: it may now be absent");
  }
  if (direction === "request" && before.additionalProperties !== false && closedAfter) {
    log.breaking(where, "the object no longer accepts other fields (additionalProperties: false)");
  }
}
