import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Document, isMap, isSeq, parse, parseDocument } from "yaml";
import { CONTRACT_PATH, CONTROL_CONTRACT_PATH, FIXTURES_DIR } from "./paths.js";

/** One operation of a fixture's JSON Patch (RFC 6902), the three that the fixtures need. */
export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

/** A broken contract, described as a patch of the real one. */
export interface Fixture {
  description: string;
  patch: PatchOperation[];
}

/** Raised when a fixture cannot be applied to the contract: the contract moved and the fixture must follow. */
export class FixtureError extends Error {
  override readonly name = "FixtureError";
}

/** The contract as CI lints it. */
export function readContract(): string {
  return readFileSync(CONTRACT_PATH, "utf8");
}

/** The control plane's contract as CI lints it. */
export function readControlContract(): string {
  return readFileSync(CONTROL_CONTRACT_PATH, "utf8");
}

/** Reads `test/fixtures/<name>`. */
export function readFixture(name: string): Fixture {
  const fixture = parse(readFileSync(join(FIXTURES_DIR, name), "utf8")) as Fixture;
  if (typeof fixture?.description !== "string" || !Array.isArray(fixture.patch)) {
    throw new FixtureError(`${name}: a fixture needs a description and a patch (a list of add/remove/replace).`);
  }
  return fixture;
}

/** The unescaped segments of a JSON Pointer such as `/paths/~1v1~1apps/get`. */
function segments(pointer: string): string[] {
  if (!pointer.startsWith("/")) throw new FixtureError(`"${pointer}" is not a JSON Pointer: start it with "/".`);
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Turns pointer segments into the keys that `yaml` expects: numbers inside sequences. */
function keysIn(doc: Document, parts: readonly string[]): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of parts) {
    const node = doc.getIn(keys, true);
    keys.push(isSeq(node) ? Number(part) : part);
  }
  return keys;
}

/** Applies one patch operation to the document, refusing any operation whose target is not where it should be. */
function apply(doc: Document, operation: PatchOperation, name: string): void {
  const parts = segments(operation.path);
  const parentKeys = keysIn(doc, parts.slice(0, -1));
  const parent = doc.getIn(parentKeys, true);
  const last = parts.at(-1) ?? "";
  const where = `${name}: ${operation.op} ${operation.path}`;
  if (!isMap(parent) && !isSeq(parent)) throw new FixtureError(`${where}: its parent is not in the contract.`);
  if (operation.op === "add") {
    if (isSeq(parent) && last === "-") parent.add(doc.createNode(operation.value));
    else doc.setIn([...parentKeys, isSeq(parent) ? Number(last) : last], doc.createNode(operation.value));
    return;
  }
  const keys = [...parentKeys, isSeq(parent) ? Number(last) : last];
  if (!doc.hasIn(keys)) throw new FixtureError(`${where}: the contract has nothing there.`);
  if (operation.op === "remove") doc.deleteIn(keys);
  else doc.setIn(keys, doc.createNode(operation.value));
}

/** The contract text with the fixture's patch applied. */
export function brokenContract(name: string, contract = readContract()): string {
  const doc = parseDocument(contract);
  for (const operation of readFixture(name).patch) apply(doc, operation, name);
  return doc.toString({ lineWidth: 0 });
}
