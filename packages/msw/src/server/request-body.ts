import type { IncomingMessage } from "node:http";
import { nodeCrypto } from "./node-crypto.js";

/** The SHA-256 of an empty body, the payload hash of a request without one. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** What reading a body gave: its SHA-256 (when asked), a body over the limit, or a request that ended early. */
export type BodyOutcome = { kind: "read"; sha256: string | undefined } | { kind: "too-large" } | { kind: "cut" };

/** Whether the request has a body: a Transfer-Encoding, or a Content-Length other than 0 (node:http validated it). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * Reads a body without keeping it: bytes are counted as they arrive, whatever the framing (Content-Length or
 * chunked), and hashed when `hash` is set. Past `limit` bytes it stops reading and says `too-large`. The time it
 * may take is bounded by the server's `requestTimeout`, which ends the request (`cut`).
 */
export function drainBody(req: IncomingMessage, limit: number, hash: boolean): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const sha = hash ? nodeCrypto().createHash("sha256") : undefined;
    let size = 0;
    let settled = false;
    const done = (outcome: BodyOutcome): void => {
      settled = true;
      req.off("end", onEnd).off("close", onClose).off("error", onClose);
      resolve(outcome);
    };
    // Past the limit the rest still flows, unread and unkept, until the connection closes after the 413: a client
    // still sending when the server closes would get a reset instead of the answer.
    const onData = (chunk: Buffer): void => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) done({ kind: "too-large" });
      else sha?.update(chunk);
    };
    const onEnd = (): void => done({ kind: "read", sha256: sha?.digest("hex") });
    const onClose = (): void => {
      if (!req.complete) done({ kind: "cut" });
    };
    req.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onClose);
  });
}
