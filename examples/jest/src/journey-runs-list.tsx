import { isJourneyRunsError, type JourneyRun, type JourneyRunsClient } from "@journey-runs/client";
import { useCallback, useEffect, useState } from "react";

/** What the list needs: a client (made by the app, or by a test for the fake) and the journey. */
export interface JourneyRunsListProps {
  client: JourneyRunsClient;
  applicationId: string;
  journeyId: string;
  pageSize?: number | undefined;
}

interface ListState {
  runs: JourneyRun[];
  nextToken: string | undefined;
  loading: boolean;
  error: string | undefined;
}

/** What the user reads when a call fails: the AWS error type and its message. */
function describe(error: unknown): string {
  if (isJourneyRunsError(error)) return `${error.name}: ${error.message}`;
  return "Something went wrong while loading the runs.";
}

/** The runs of one journey, a page at a time, with "Load more" while the service returns a NextToken. */
export function JourneyRunsList({ client, applicationId, journeyId, pageSize = 25 }: JourneyRunsListProps) {
  const [state, setState] = useState<ListState>({ runs: [], nextToken: undefined, loading: true, error: undefined });

  const load = useCallback(
    async (token: string | undefined, signal?: AbortSignal) => {
      setState((previous) => ({ ...previous, loading: true, error: undefined }));
      try {
        const page = await client.getJourneyRuns(
          { applicationId, journeyId, pageSize, ...(token === undefined ? {} : { token }) },
          signal ? { signal } : {},
        );
        setState((previous) => ({
          runs: token === undefined ? page.Item : [...previous.runs, ...page.Item],
          nextToken: page.NextToken,
          loading: false,
          error: undefined,
        }));
      } catch (error) {
        if (isJourneyRunsError(error, "AbortError")) return; // unmounted, or StrictMode's first effect
        setState((previous) => ({ ...previous, loading: false, error: describe(error) }));
      }
    },
    [client, applicationId, journeyId, pageSize],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(undefined, controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <section aria-label="Journey runs">
      {state.error !== undefined && <p role="alert">{state.error}</p>}
      <ul>
        {state.runs.map((run) => (
          <li key={run.RunId}>
            {run.RunId} {run.Status}
          </li>
        ))}
      </ul>
      {state.loading && <p role="status">Loading runs...</p>}
      {!state.loading && state.nextToken !== undefined && (
        <button type="button" onClick={() => void load(state.nextToken)}>
          Load more
        </button>
      )}
    </section>
  );
}
