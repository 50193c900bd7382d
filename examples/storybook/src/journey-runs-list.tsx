import {
  createJourneyRunsClient,
  isPinpointServiceException,
  type JourneyRun,
  type JourneyRunsClient,
  type RetryEvent,
} from "@journey-runs/client";
import { useCallback, useEffect, useRef, useState } from "react";

/** What the list shows: which journey, and how many runs a page holds. */
export interface JourneyRunsListProps {
  applicationId: string;
  journeyId: string;
  pageSize?: number | undefined;
  /** Pinpoint's Region; in Storybook MSW answers before anything leaves the page. */
  region?: string | undefined;
}

type Phase =
  | { kind: "loading" }
  | { kind: "ready"; nextToken: string | undefined }
  | { kind: "failed"; message: string; attempts: number };

/** The error's name and the service's message, without the request id (it changes on every visit). */
function describe(error: unknown): string {
  if (isPinpointServiceException(error)) {
    return `${error.name} (${error.status})${error.serviceMessage ? `: ${error.serviceMessage}` : ""}`;
  }
  return error instanceof Error ? error.name : "Unknown error";
}

/** Lists a journey's runs with `@journey-runs/client` (standard retries on), a page at a time. */
export function JourneyRunsList({
  applicationId,
  journeyId,
  pageSize = 25,
  region = "us-east-1",
}: JourneyRunsListProps) {
  const [runs, setRuns] = useState<JourneyRun[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [retries, setRetries] = useState<RetryEvent[]>([]);
  const clientRef = useRef<JourneyRunsClient | undefined>(undefined);
  const aborts = useRef(new Set<AbortController>());
  const retryCount = useRef(0);

  // One client per mounted list, so that its retry quota is not shared with other stories.
  clientRef.current ??= createJourneyRunsClient({
    region,
    onRetry: (event) => {
      retryCount.current += 1;
      setRetries((previous) => [...previous, event]);
    },
  });

  const load = useCallback(
    async (token: string | undefined) => {
      const controller = new AbortController();
      aborts.current.add(controller);
      setPhase({ kind: "loading" });
      setRetries([]);
      retryCount.current = 0;
      try {
        const input = { applicationId, journeyId, pageSize, ...(token === undefined ? {} : { token }) };
        const page = await clientRef.current?.getJourneyRuns(input, { signal: controller.signal });
        if (page === undefined || controller.signal.aborted) return;
        setRuns((previous) => (token === undefined ? page.Item : [...previous, ...page.Item]));
        setPhase({ kind: "ready", nextToken: page.NextToken ?? undefined });
      } catch (error) {
        if (controller.signal.aborted) return;
        setPhase({ kind: "failed", message: describe(error), attempts: retryCount.current + 1 });
      } finally {
        aborts.current.delete(controller);
      }
    },
    [applicationId, journeyId, pageSize],
  );

  useEffect(() => {
    const pending = aborts.current;
    void load(undefined);
    return () => {
      for (const controller of pending) controller.abort();
    };
  }, [load]);

  return (
    <section aria-label="Journey runs" style={{ fontFamily: "system-ui, sans-serif", fontSize: 14 }}>
      <h2 style={{ fontSize: 16 }}>Runs of journey {journeyId}</h2>
      {retries.length > 0 && phase.kind !== "failed" ? (
        <p data-testid="retries">
          {phase.kind === "loading" ? "Retrying" : "Recovered"} after {retries.length}{" "}
          {retries.length === 1 ? "retry" : "retries"} ({retries[0]?.error.name}).
        </p>
      ) : null}
      {phase.kind === "failed" ? (
        <p role="alert" data-testid="error">
          Could not load runs after {phase.attempts} {phase.attempts === 1 ? "attempt" : "attempts"}: {phase.message}
        </p>
      ) : null}
      {phase.kind === "loading" ? <p data-testid="status">Loading runs…</p> : null}
      {phase.kind === "ready" ? (
        <p data-testid="status">
          {runs.length === 1 ? "1 run" : `${runs.length} runs`}
          {phase.nextToken === undefined ? ", all shown." : ", more available."}
        </p>
      ) : null}
      <ol data-testid="runs">
        {runs.map((run) => (
          <li key={run.RunId}>
            <code>{run.RunId}</code> {run.Status}
          </li>
        ))}
      </ol>
      {phase.kind === "ready" && phase.nextToken !== undefined ? (
        <button type="button" onClick={() => void load(phase.nextToken)}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
