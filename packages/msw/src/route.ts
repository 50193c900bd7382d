import { PATH_LABELS, RUNS_PATH_TEMPLATE } from "./contract-rules.js";

/** The labels of a runs path, decoded, by wire name. */
export type RunsPathLabels = { -readonly [K in keyof typeof PATH_LABELS]: string };

/** What a raw path is: the runs path with its labels, the runs path with a label that cannot be decoded, or another path. */
export type RouteMatch =
  | { kind: "runs"; labels: RunsPathLabels }
  | { kind: "bad-label"; label: keyof RunsPathLabels }
  | { kind: "other" };

/** The template read once: each segment is a literal to match or the name of a label, in path order. */
const SEGMENTS = RUNS_PATH_TEMPLATE.split("/").map((segment) => ({
  literal: segment,
  label: /^\{(.+)\}$/.exec(segment)?.[1] as keyof RunsPathLabels | undefined,
}));
const LABEL_ORDER = Object.keys(PATH_LABELS) as (keyof RunsPathLabels)[];

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
  const raw: Partial<RunsPathLabels> = {};
  for (let i = 0; i < SEGMENTS.length; i++) {
    const { literal, label } = SEGMENTS[i] as (typeof SEGMENTS)[number];
    const part = parts[i] as string;
    if (label === undefined) {
      if (part !== literal) return { kind: "other" };
    } else if (part === "") return { kind: "other" };
    else raw[label] = part;
  }
  const labels = {} as RunsPathLabels;
  for (const name of LABEL_ORDER) {
    const value = raw[name] as string;
    // Most ids hold no escape: decoding them would only copy them.
    if (!value.includes("%")) labels[name] = value;
    else {
      try {
        labels[name] = decodeURIComponent(value);
      } catch {
        return { kind: "bad-label", label: name };
      }
    }
  }
  return { kind: "runs", labels };
}
