import { JourneyRunsError } from "./journey-runs-error.js";

/**
 * The request got no HTTP answer: DNS, a refused or reset connection, TLS, CORS in a browser, or the `fetch` option
 * threw. `cause` is a summary of what fetch threw (name, message, `code`), secrets removed.
 */
export class NetworkError extends JourneyRunsError {
  override name = "NetworkError" as const;
}
