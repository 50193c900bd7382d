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
/** Where a label is in the path. */
function placeOf(name: keyof RunsPathLabels): number {
  const at = SEGMENTS.findIndex((segment) => segment.label === name);
  if (at < 0) throw new Error(`The runs path template ${RUNS_PATH_TEMPLATE} has no {${name}} label.`);
  return at;
}
const APP_AT = placeOf("application-id");
const JOURNEY_AT = placeOf("journey-id");
const OTHER: RouteMatch = Object.freeze({ kind: "other" });

/** A label percent-decoded, or `undefined` when its escapes cannot be decoded. Most ids hold no escape. */
function decodeLabel(raw: string): string | undefined {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

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
  if (parts.length !== SEGMENTS.length) return OTHER;
  for (let i = 0; i < SEGMENTS.length; i++) {
    const { literal, label } = SEGMENTS[i] as (typeof SEGMENTS)[number];
    const part = parts[i] as string;
    if (label === undefined ? part !== literal : part === "") return OTHER;
  }
  // Built with a fixed shape (one object literal); a bad label is reported in the contract's order of labels.
  const app = decodeLabel(parts[APP_AT] as string);
  const journey = decodeLabel(parts[JOURNEY_AT] as string);
  if (app === undefined || journey === undefined) {
    const label = LABEL_ORDER.find((name) => (name === "application-id" ? app : journey) === undefined);
    return { kind: "bad-label", label: label as keyof RunsPathLabels };
  }
  return { kind: "runs", labels: { "application-id": app, "journey-id": journey } };
}
