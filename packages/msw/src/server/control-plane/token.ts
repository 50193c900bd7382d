import { isIP } from "node:net";
import { JourneyRunsMockError } from "../../core/errors.js";
import { nodeCrypto } from "../node-crypto.js";

const digest = (value: string): Buffer => nodeCrypto().createHash("sha256").update(value, "utf8").digest();

/** What a control token may be, for the error that refuses one. */
export const TOKEN_RULE = "8 to 1024 visible ASCII characters (no space, tab or other whitespace)";

/**
 * Whether `token` can be sent as `Authorization: Bearer <token>` and be read back whole: a space or tab would end
 * it (the header's value is split there), a control character or non-ASCII would be refused or changed on the way,
 * so such a token could never authenticate. Refused at start instead.
 */
export function isSendableToken(token: string): boolean {
  return /^[\x21-\x7e]{8,1024}$/.test(token);
}

/**
 * A checker of the control token: compares SHA-256 digests (always 32 bytes) with `crypto.timingSafeEqual`, so the
 * time taken says nothing about the token's length or content.
 */
export function createTokenCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer ([\x21-\x7e]+)$/.exec(authorization ?? "");
    return nodeCrypto().timingSafeEqual(digest(match?.[1] ?? ""), expected) && match !== null;
  };
}

/**
 * Whether a request's `Host` header names this machine by a loopback address or `localhost` (or a name under
 * `.localhost`, which browsers resolve to loopback themselves, never by DNS): a page served from a DNS name that
 * was rebound to 127.0.0.1 sends its own name, so its writes are refused. The port, if any, is ignored.
 */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
  const bare = name.toLowerCase();
  return isLoopbackHost(bare) || bare.endsWith(".localhost");
}

/** Whether `host` (what the server listens on) is a loopback interface: 127.0.0.0/8, ::1, or localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || /^::ffff:127\./.test(bare);
  return false;
}

/** Thrown by `startMockServer` when the control plane would be open on a non-loopback interface. */
export class ControlTokenRequiredError extends JourneyRunsMockError {
  override name = "ControlTokenRequiredError";
  declare readonly code: "CONTROL_TOKEN_REQUIRED";
  constructor(host: string) {
    super(
      "CONTROL_TOKEN_REQUIRED",
      `The control plane needs a token when the server listens on ${host}, which is not a loopback interface: ` +
        "pass --control-token TOKEN (or set JOURNEY_RUNS_MOCK_CONTROL_TOKEN), or listen on 127.0.0.1, or turn the control plane off with --no-control.",
    );
  }
}
