// What a user's code looks like, compiled by every cell of the type matrix against the packed tarballs' types
// (tools/compat/src/type-matrix.ts). Nothing runs: a type error is a failed cell.
import {
  createJourneyRunsClient,
  isJourneyRunsError,
  type JourneyRun,
  type JourneyRunsClient,
  type JourneyRunsResponse,
} from "@journey-runs/client";
import { createJourneyRunsFake, createJourneyRunsMock, createJourneyRunsStore } from "@journey-runs/msw";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import type { JourneyRunStatus, paths } from "@journey-runs/types";

const client: JourneyRunsClient = createJourneyRunsClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});
const input = { applicationId: "11111111112222222222333333333344", journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd" };

export async function firstPage(): Promise<JourneyRunsResponse> {
  try {
    return await client.getJourneyRuns({ ...input, pageSize: 50 });
  } catch (error) {
    if (isJourneyRunsError(error, "TooManyRequestsException")) return { Item: [] };
    throw error;
  }
}

export async function statuses(): Promise<JourneyRunStatus[]> {
  const seen: JourneyRunStatus[] = [];
  for await (const run of client.iterateJourneyRuns(input)) {
    const typed: JourneyRun = run;
    seen.push(typed.Status);
  }
  return seen;
}

export const mock = createJourneyRunsMock({ seed: 1 });
export const fake = createJourneyRunsFake({ seed: 2 });
export const store = createJourneyRunsStore();
export const handlerCount: number = mock.handlers.length;
export const started: Promise<MockServer> = startMockServer({ port: 0 });
export type RunsPath = keyof paths;
