/** Build-time settings of the viewer, read from `VITE_*` environment variables by Vite. */
interface ImportMetaEnv {
  /** Base URL of a GetJourneyRuns endpoint (journey-runs-mock or a signing proxy); unset means the in-page fake. */
  readonly VITE_JOURNEY_RUNS_ENDPOINT?: string;
  /** AWS Region used to name the default endpoint; `us-east-1` when unset. */
  readonly VITE_JOURNEY_RUNS_REGION?: string;
}
