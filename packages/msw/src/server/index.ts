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

export type { MockServer, MockServerOptions } from "./mock-server.js";
export { startMockServer } from "./mock-server.js";
export type { ReceivedRequest, SigV4Credentials, SigV4Verdict, SigV4VerifierOptions } from "./sigv4.js";
export { createSigV4Verifier } from "./sigv4.js";
