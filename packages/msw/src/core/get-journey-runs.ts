import { awsErrorResponse, type FakeResponse, pageResponse, quote } from "./aws-response.js";
import { type JourneyRunsErrorStatus, PAGE_SIZE, PATH_LABELS, TOKEN_MAX_LENGTH } from "./contract-rules.js";
import type { RunsPathLabels } from "./route.js";
import type { JourneyRunsStore } from "./store/store.js";

const WHOLE_NUMBER = /^[0-9]+$/;

/** The length limits of each path label, read once from the contract. */
const LABEL_RULES = (Object.keys(PATH_LABELS) as (keyof RunsPathLabels)[]).map(
  (name) => [name, PATH_LABELS[name].schema] as const,
);

function badRequest(message: string): FakeResponse {
  return awsErrorResponse(400 satisfies JourneyRunsErrorStatus, message);
}

/** The single value of a query parameter, or a 400 when it is given more than once. */
function single(query: URLSearchParams, name: string): string | undefined | FakeResponse {
  const values = query.getAll(name);
  if (values.length > 1) return badRequest(`${name} must be given at most once, got ${values.length} values.`);
  return values[0];
}

/**
 * Answers a GET of the runs path as Pinpoint does: ids, `page-size` and `token` checked against the contract's
 * limits (400), the application and journey looked up (404), then one page of runs (200).
 *
 * @example
 * ```ts
 * getJourneyRuns(store, { "application-id": "a", "journey-id": "j" }, new URLSearchParams("page-size=10"));
 * ```
 */
export function getJourneyRuns(store: JourneyRunsStore, labels: RunsPathLabels, query: URLSearchParams): FakeResponse {
  for (const [name, schema] of LABEL_RULES) {
    const length = labels[name].length;
    if (length < schema.minLength || length > schema.maxLength) {
      return badRequest(`${name} must be ${schema.minLength} to ${schema.maxLength} characters long, got ${length}.`);
    }
  }
  const rawSize = single(query, "page-size");
  if (typeof rawSize === "object") return rawSize;
  let pageSize: number = PAGE_SIZE.default;
  if (rawSize !== undefined) {
    pageSize = WHOLE_NUMBER.test(rawSize) ? Number(rawSize) : Number.NaN;
    if (!(pageSize >= PAGE_SIZE.minimum && pageSize <= PAGE_SIZE.maximum)) {
      return badRequest(
        `page-size must be a whole number from ${PAGE_SIZE.minimum} to ${PAGE_SIZE.maximum}, got ${quote(rawSize)}.`,
      );
    }
  }
  const token = single(query, "token");
  if (typeof token === "object") return token;
  if (token !== undefined && (token.length < 1 || token.length > TOKEN_MAX_LENGTH)) {
    return badRequest(`token must be 1 to ${TOKEN_MAX_LENGTH} characters long, got ${token.length}.`);
  }
  const outcome = store.page(labels["application-id"], labels["journey-id"], pageSize, token);
  return outcome.ok ? pageResponse(outcome.json) : awsErrorResponse(outcome.status, outcome.message);
}
