/**
 * `journey-runs-mock` as a library: the fake of GetJourneyRuns over node:http, with optional SigV4 verification.
 *
 * @example
 * ```ts
 * import { startMockServer } from "@journey-runs/msw/server";
 * const server = await startMockServer({ port: 0, seed: 7, runs: 250 });
 * console.log(server.url);
 * await server.close();
 * ```
 * @packageDocumentation
 */

export type { JourneyRunsMockErrorCode } from "../core/errors.js";
// Every error startMockServer throws is a JourneyRunsMockError; the two of its own are exported beside it.
export { JourneyRunsMockError } from "../core/errors.js";
export { ControlTokenRequiredError } from "./control-plane/token.js";
export { DataFileError } from "./data/data-errors.js";
export type { MockServer, MockServerOptions } from "./mock-server.js";
export { startMockServer } from "./mock-server.js";
export type { ReceivedRequest, SigV4Credentials, SigV4Verdict, SigV4VerifierOptions } from "./sigv4.js";
export { createSigV4Verifier } from "./sigv4.js";
