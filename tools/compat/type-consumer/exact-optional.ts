// Compiled only by the matrix's exactOptionalPropertyTypes cell: options accept `undefined` wherever the runtime
// does, so values that may be missing (environment variables) pass straight through.
import { createJourneyRunsClient } from "@journey-runs/client";
import { createJourneyRunsMock } from "@journey-runs/msw";

declare const env: { AWS_REGION?: string | undefined; LATENCY_MS?: string | undefined };
const latency = env.LATENCY_MS === undefined ? undefined : Number(env.LATENCY_MS);

export const client = createJourneyRunsClient({ region: env.AWS_REGION });
export const mock = createJourneyRunsMock({ latency });
