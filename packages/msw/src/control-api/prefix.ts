/**
 * The reserved prefix of the control plane's paths; no Pinpoint path starts with it. In a module of its own, so that
 * the server reads it without loading the control client (and openapi-fetch) at startup.
 */
export const CONTROL_PREFIX = "/_journey-runs-mock";
