import { isIP } from "node:net";
import { JourneyRunsMockError } from "../../core/errors.js";
import { nodeCrypto } from "../node-crypto.js";

const digest = (value: string): Buffer => nodeCrypto().createHash("sha256").update(value, "utf8").digest();

/**
 * A checker of the control token: compares SHA-256 digests (always 32 bytes) with `crypto.timingSafeEqual`, so the
 * time taken says nothing about the token's length or content.
 */
export function createTokenCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer ([^\s]+)$/.exec(authorization ?? "");
    return nodeCrypto().timingSafeEqual(digest(match?.[1] ?? ""), expected) && match !== null;
  };
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
