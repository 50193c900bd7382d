import type { IncomingMessage } from "node:http";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";
import type { ByteBudget } from "./byte-budget.js";
import { ControlHttpError } from "./control-error.js";
import { JsonMeter, type JsonMeterLimits } from "./json-meter.js";

/** The largest body of a control request (the control contract's `x-max-body-bytes`): 1 MiB. */
export const CONTROL_BODY_LIMIT = CONTROL_LIMITS.bodyBytes;
/** The largest body of `PUT /state` (a whole dump): 64 MiB. */
export const STATE_BODY_LIMIT = CONTROL_LIMITS.stateBodyBytes;

/** Keys that would reach an object's prototype if the parsed value were ever merged or spread. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Parses JSON text, refusing the keys `__proto__`, `constructor` and `prototype` anywhere (prototype pollution)
 * with an INVALID_JSON error that names the key and where it is (a JSON pointer). `what` names the source.
 */
export function parseJsonSafely(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ControlHttpError("INVALID_JSON", `${what} is not valid JSON (${(error as Error).message}); send JSON.`);
  }
  // A text that spells none of the keys, even escaped, cannot hold one: the walk (one visit per value) is skipped.
  const mayHoldOne =
    text.includes("__proto__") || text.includes("constructor") || text.includes("prototype") || text.includes("\\u");
  const bad = mayHoldOne ? forbiddenKeyIn(value) : undefined;
  if (bad !== undefined) {
    throw new ControlHttpError(
      "INVALID_JSON",
      `${what} has the forbidden key "${bad.key}" at ${bad.pointer}; remove it.`,
    );
  }
  return value;
}

interface Visit {
  value: object;
  parent: Visit | undefined;
  key: string;
}

const pointerOf = (visit: Visit | undefined): string => {
  const keys: string[] = [];
  for (let at = visit; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return keys
    .reverse()
    .map((key) => `/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
};

/**
 * The first forbidden key in a parsed JSON value, with its JSON pointer; iterative, so depth cannot overflow. Only
 * objects and arrays are visited, and a pointer is made only for the key found (not one string per value).
 */
export function forbiddenKeyIn(value: unknown): { key: string; pointer: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const stack: Visit[] = [{ value, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const top = stack.pop() as Visit;
    if (Array.isArray(top.value)) {
      for (let index = top.value.length - 1; index >= 0; index -= 1) {
        const item: unknown = top.value[index];
        if (typeof item === "object" && item !== null) stack.push({ value: item, parent: top, key: String(index) });
      }
      continue;
    }
    for (const key of Object.keys(top.value)) {
      if (FORBIDDEN_KEYS.has(key)) return { key, pointer: pointerOf({ value: top.value, parent: top, key }) || "/" };
      const child = (top.value as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) stack.push({ value: child, parent: top, key });
    }
  }
  return undefined;
}

/** How a body is read: its bound in bytes, in JSON structure (for large bodies), and the budget it is held from. */
export interface BodyBounds {
  bytes: number;
  json?: JsonMeterLimits | undefined;
  budget?: ByteBudget | undefined;
}

/** The answer when the budget of bytes held at once is spent: 503 BUSY, retry after a second. */
export const busy = (): ControlHttpError =>
  new ControlHttpError(
    "BUSY",
    "journey-runs-mock holds as many request bodies and dumps as it may at once; try again in a second.",
  );

/**
 * Reads a control request's JSON body: media type `application/json` (UNSUPPORTED_MEDIA_TYPE otherwise), at most
 * `bounds.bytes` bytes and, with `bounds.json`, at most that many objects and arrays and that deep (PAYLOAD_TOO_LARGE
 * past either, read no further and parse nothing), its bytes taken from `bounds.budget` as they arrive (BUSY when
 * it is spent), parsed with {@link parseJsonSafely}. `held` is told each byte taken, to give back when answered.
 */
export async function readJsonBody(
  req: IncomingMessage,
  bounds: BodyBounds,
  held: { bytes: number } = { bytes: 0 },
): Promise<unknown> {
  const limit = bounds.bytes;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    req.resume();
    throw new ControlHttpError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = (what = `${limit} bytes`) =>
    new ControlHttpError(
      "PAYLOAD_TOO_LARGE",
      `The request body is over the limit of ${what}; split it into smaller requests (or use --data for large states).`,
    );
  if (declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const take = (bytes: number): void => {
    if (bounds.budget === undefined) return;
    if (!bounds.budget.take(bytes)) {
      req.resume();
      throw busy();
    }
    held.bytes += bytes;
  };
  // A declared length is taken whole before a byte is read; a chunked body as it arrives.
  if (declared > 0) take(declared);
  const meter = bounds.json === undefined ? undefined : new JsonMeter(bounds.json);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    if (size > declared) take(Math.min(chunk.length, size - declared));
    const passed = meter?.push(chunk);
    if (passed !== undefined) {
      req.resume();
      throw tooLarge(
        passed === "containers"
          ? `${meter?.limits.containers} objects and arrays`
          : `${meter?.limits.depth} levels of nesting`,
      );
    }
    chunks.push(chunk);
  }
  return parseJsonSafely(Buffer.concat(chunks).toString("utf8"), "The request body");
}
