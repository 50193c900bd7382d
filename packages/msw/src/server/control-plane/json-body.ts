import type { IncomingMessage } from "node:http";
import { ControlHttpError } from "./control-error.js";

/** The largest body of a control request: 1 MiB. */
export const CONTROL_BODY_LIMIT = 1024 * 1024;
/** The largest body of `PUT /state` (a whole dump): 64 MiB. */
export const STATE_BODY_LIMIT = 64 * 1024 * 1024;

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
  const bad = forbiddenKeyIn(value);
  if (bad !== undefined) {
    throw new ControlHttpError(
      "INVALID_JSON",
      `${what} has the forbidden key "${bad.key}" at ${bad.pointer}; remove it.`,
    );
  }
  return value;
}

/** The first forbidden key in a parsed JSON value, with its JSON pointer; iterative, so depth cannot overflow. */
export function forbiddenKeyIn(value: unknown): { key: string; pointer: string } | undefined {
  const stack: { value: unknown; pointer: string }[] = [{ value, pointer: "" }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; pointer: string };
    if (typeof top.value !== "object" || top.value === null) continue;
    if (Array.isArray(top.value)) {
      for (let index = top.value.length - 1; index >= 0; index -= 1) {
        const item: unknown = top.value[index];
        if (typeof item === "object" && item !== null) stack.push({ value: item, pointer: `${top.pointer}/${index}` });
      }
      continue;
    }
    for (const key of Object.keys(top.value)) {
      const pointer = `${top.pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (FORBIDDEN_KEYS.has(key)) return { key, pointer: pointer || "/" };
      const child = (top.value as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) stack.push({ value: child, pointer });
    }
  }
  return undefined;
}

/**
 * Reads a control request's JSON body: at most `limit` bytes (PAYLOAD_TOO_LARGE past it, read no further), media
 * type `application/json` (UNSUPPORTED_MEDIA_TYPE otherwise), parsed with {@link parseJsonSafely}.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    req.resume();
    throw new ControlHttpError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = () =>
    new ControlHttpError(
      "PAYLOAD_TOO_LARGE",
      `The request body is over the limit of ${limit} bytes; split it into smaller requests (or use --data for large states).`,
    );
  if (declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return parseJsonSafely(Buffer.concat(chunks).toString("utf8"), "The request body");
}
