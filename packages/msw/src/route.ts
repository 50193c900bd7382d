import { PATH_LABELS, RUNS_PATH_TEMPLATE } from "./contract-rules.js";

/** The labels of a runs path, decoded, by wire name. */
export type RunsPathLabels = { -readonly [K in keyof typeof PATH_LABELS]: string };

/** What a raw path is: the runs path with its labels, the runs path with a label that cannot be decoded, or another path. */
export type RouteMatch =
  | { kind: "runs"; labels: RunsPathLabels }
  | { kind: "bad-label"; label: keyof RunsPathLabels }
  | { kind: "other" };

const SEGMENTS = RUNS_PATH_TEMPLATE.split("/");
const LABEL = /^\{(.+)\}$/;

/**
 * Matches a raw (percent-encoded) request path against the contract's path template and percent-decodes each
 * label once, as the service does. Empty labels do not match: the path is then another path.
 *
 * @example
 * ```ts
 * matchRunsPath("/v1/apps/a%2Fb/journeys/j/runs"); // { kind: "runs", labels: { "application-id": "a/b", "journey-id": "j" } }
 * ```
 */
export function matchRunsPath(path: string): RouteMatch {
  const parts = path.split("/");
  if (parts.length !== SEGMENTS.length) return { kind: "other" };
  const raw: Record<string, string> = {};
  for (let i = 0; i < SEGMENTS.length; i++) {
    const template = SEGMENTS[i] as string;
    const part = parts[i] as string;
    const label = LABEL.exec(template)?.[1];
    if (label === undefined) {
      if (part !== template) return { kind: "other" };
    } else if (part === "") return { kind: "other" };
    else raw[label] = part;
  }
  const labels = {} as RunsPathLabels;
  for (const name of Object.keys(PATH_LABELS) as (keyof RunsPathLabels)[]) {
    try {
      labels[name] = decodeURIComponent(raw[name] as string);
    } catch {
      return { kind: "bad-label", label: name };
    }
  }
  return { kind: "runs", labels };
}
