import type { GetJourneyRunsParameters } from "@journey-runs/types";
import { awsEncode } from "./encode.js";
import { invalidInput } from "./errors/invalid-input-error.js";

type Query = NonNullable<GetJourneyRunsParameters["query"]>;

/** The input of GetJourneyRuns, in the camelCase of the AWS SDKs; the types come from the contract. */
export interface GetJourneyRunsInput {
  /** The project (application) id, e.g. `11111111112222222222333333333344`. */
  applicationId: GetJourneyRunsParameters["path"]["application-id"];
  /** The journey id, e.g. `aaaaaaaaaabbbbbbbbbbccccccccccdd`. */
  journeyId: GetJourneyRunsParameters["path"]["journey-id"];
  /** The most runs in a page: a positive integer (the service sets the upper limit). */
  pageSize?: Query["page-size"] | undefined;
  /** The `NextToken` of the previous page, unchanged. */
  token?: Query["token"] | undefined;
}

/** `application-id` -> `applicationId`: errors name inputs as callers of `getJourneyRuns` write them. */
const field = (name: string): string => name.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());

/**
 * `value` for a message: strings quoted and cut at 40 characters, other primitives through `String`, objects and
 * functions by their kind only: a null-prototype object has no `toString`, and a caller's `toString` may throw.
 */
const shown = (value: unknown): string =>
  typeof value === "string"
    ? JSON.stringify(value).slice(0, 40)
    : value === null || (typeof value !== "object" && typeof value !== "function")
      ? String(value)
      : Array.isArray(value)
        ? "an array"
        : `a ${typeof value}`;

/**
 * `value` percent-encoded as AWS SDKs encode labels and query values; `InvalidInputError` for a non-string, an empty
 * string, a lone surrogate, and `.` or `..` as a path label (URL parsers drop those segments: another resource).
 */
const encode = (name: string, value: unknown, label: boolean): string => {
  if (typeof value === "string" && value && !(label && (value === "." || value === ".."))) {
    try {
      return awsEncode(value);
    } catch {}
  }
  throw invalidInput(
    field(name),
    `must be a non-empty string of well-formed Unicode${label ? ', not "." or ".."' : ""} (got ${shown(value)})`,
  );
};

/**
 * openapi-fetch `pathSerializer`: every `{label}` encoded and checked. Made by splitting at `{` rather than with a
 * regular expression and a callback, which cost more than the rest of the URL. (`URL` encodes the braces of the base
 * URL, `awsEncode` those of values: every `{` opens a label of the template.)
 */
export const pathSerializer = (path: string, params: Record<string, unknown>): string => {
  const parts = path.split("{");
  let url = parts[0] as string;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    const end = part.indexOf("}");
    const name = part.slice(0, end);
    url += encode(name, params[name], true) + part.slice(end + 1);
  }
  return url;
};

/**
 * openapi-fetch `querySerializer`: values encoded as AWS encodes them (`!'()*` too), `undefined` and `null` left out;
 * `page-size` must be a positive integer (the service sets the upper limit), other values non-empty strings.
 */
export const querySerializer = (query: Record<string, unknown>): string => {
  let out = "";
  for (const [name, value] of Object.entries(query)) {
    if (value == null) continue;
    if (name === "page-size" && !(Number.isInteger(value) && (value as number) > 0)) {
      throw invalidInput(field(name), `must be a positive integer (got ${shown(value)})`);
    }
    out += `${out && "&"}${awsEncode(name)}=${typeof value === "number" ? value : encode(name, value, false)}`;
  }
  return out;
};
