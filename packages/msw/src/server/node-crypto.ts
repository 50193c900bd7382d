/**
 * node:crypto, loaded on first use (`process.getBuiltinModule`, Node >= 20.16): a server that never hashes a body nor
 * checks a control token does not pay the few milliseconds that loading it adds to startup.
 */
export const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");
