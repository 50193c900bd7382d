import type { Credentials, JourneyRunsClient, JourneyRunsClientOptions, RetryEvent } from "@journey-runs/client";
import type { ViewerSettings } from "./settings.js";
import type { FetchRunsPage } from "./viewer.js";

/**
 * The example keys of the AWS documentation (SigV4 examples). On the in-page fake the client signs with them, so the
 * request is the one a real page would send; they give access to nothing.
 */
export const DOCUMENTATION_CREDENTIALS: Credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

/**
 * Options of `createJourneyRunsClient` for the page's settings: on the fake, the real Pinpoint endpoint of the region,
 * signed with {@link DOCUMENTATION_CREDENTIALS}; on an endpoint, unsigned requests to it (the page never holds real
 * credentials: a real Pinpoint needs a proxy that signs).
 */
export function clientOptions(
  settings: ViewerSettings,
  onRetry: (event: RetryEvent) => void,
): JourneyRunsClientOptions {
  return settings.source.kind === "mock"
    ? { region: settings.region, credentials: DOCUMENTATION_CREDENTIALS, onRetry }
    : { endpoint: settings.source.endpoint, onRetry };
}

/** Adapts the client to what the viewer asks for: one page of runs from a token. */
export function fetchPageWith(client: Pick<JourneyRunsClient, "getJourneyRuns">): FetchRunsPage {
  return async (query, token, signal) => {
    const page = await client.getJourneyRuns(
      {
        applicationId: query.applicationId,
        journeyId: query.journeyId,
        pageSize: query.pageSize,
        ...(token === undefined ? {} : { token }),
      },
      { signal },
    );
    return { items: page.Item, nextToken: page.NextToken ?? undefined };
  };
}
