import { isComplete, type ViewState } from "../state.js";

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

function runsWord(count: number): string {
  return count === 1 ? "1 run" : `${count} runs`;
}

/**
 * The one-line status the page announces (in a polite live region): what is loading, that the client is retrying
 * after throttling, how many runs are shown and whether the end is reached.
 *
 * @example
 * statusMessage(state, Date.now()); // "All 2 runs are shown: the end of this journey's runs."
 */
export function statusMessage(state: ViewState, now: number): string {
  const { phase } = state;
  switch (phase.kind) {
    case "idle":
      return "Enter an application ID and a journey ID, then choose Show runs.";
    case "loading": {
      const what = phase.more ? "the next page of runs" : "runs";
      if (phase.retry === undefined) return phase.more ? "Loading the next page of runs…" : "Loading runs…";
      const cause = phase.retry.error.throttling
        ? `The service is throttling requests (${phase.retry.error.type})`
        : `The request failed (${phase.retry.error.type})`;
      return `${cause}: retrying ${what} in ${seconds(phase.retry.delayMs)}, attempt ${phase.retry.nextAttempt} of ${phase.retry.maxAttempts}…`;
    }
    case "ready":
      if (state.runs.length === 0 && isComplete(state)) return "This journey has no runs.";
      if (isComplete(state) && state.runs.length === 1) return "The only run is shown: the end of this journey's runs.";
      if (isComplete(state)) return `All ${runsWord(state.runs.length)} are shown: the end of this journey's runs.`;
      return `Showing ${runsWord(state.runs.length)}. More runs are available.`;
    case "failed": {
      const failed = `Could not load ${phase.more ? "the next page of runs" : "runs"}: ${phase.error.type}.`;
      if (phase.autoRetry === undefined) return failed;
      const { at, round, rounds } = phase.autoRetry;
      return `${failed} Retrying by itself in ${Math.ceil(Math.max(0, at - now) / 1000)} s (round ${round} of ${rounds}).`;
    }
  }
}
