/** The AWS example application id (AWS SDK v3 docs of `GetJourneyRunsCommand`): the page opens on it. */
export const EXAMPLE_APPLICATION_ID = "11111111112222222222333333333344";
/** The AWS example journey id that goes with {@link EXAMPLE_APPLICATION_ID}. */
export const EXAMPLE_JOURNEY_ID = "aaaaaaaaaabbbbbbbbbbccccccccccdd";
/** Page size the contract defaults to (`page-size` default 25). */
export const DEFAULT_PAGE_SIZE = 25;
/** Smallest and largest `page-size` the contract accepts. */
export const PAGE_SIZE_LIMITS = { min: 1, max: 100 } as const;
/** Length limits of `application-id` and `journey-id` in the contract. */
export const ID_LIMITS = { min: 1, max: 256 } as const;
/** Region named in the default endpoint when nothing else is set. */
export const DEFAULT_REGION = "us-east-1";

/** Where the page sends its requests: the in-page MSW fake, or an HTTP endpoint that the worker lets through. */
export type DataSource = { kind: "mock" } | { kind: "endpoint"; endpoint: string };

/** Everything the page needs to know before its first request. */
export interface ViewerSettings {
  readonly source: DataSource;
  readonly region: string;
  readonly applicationId: string;
  readonly journeyId: string;
  readonly pageSize: number;
}

/** The outcome of reading the settings: usable settings, or a problem that says what to change. */
export type SettingsResult = { ok: true; settings: ViewerSettings } | { ok: false; problem: string };

/** Build-time values that may set the endpoint and region (Vite's `import.meta.env`). */
export interface SettingsEnv {
  readonly VITE_JOURNEY_RUNS_ENDPOINT?: string | undefined;
  readonly VITE_JOURNEY_RUNS_REGION?: string | undefined;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Reads the page's settings from its query string, then from build-time variables, then from the defaults.
 *
 * `?endpoint=URL` (or `VITE_JOURNEY_RUNS_ENDPOINT`) sends requests to that endpoint; `?endpoint=mock` forces the
 * in-page fake even when the variable is set. `?app=`, `?journey=` and `?pageSize=` prefill the form.
 *
 * @example
 * resolveSettings("?endpoint=http://127.0.0.1:4010", {});
 * // { ok: true, settings: { source: { kind: "endpoint", endpoint: "http://127.0.0.1:4010" }, ... } }
 */
export function resolveSettings(search: string, env: SettingsEnv): SettingsResult {
  const params = new URLSearchParams(search);
  const rawEndpoint = (params.get("endpoint") ?? env.VITE_JOURNEY_RUNS_ENDPOINT ?? "").trim();
  const source = parseSource(rawEndpoint);
  if (typeof source === "string") return { ok: false, problem: source };

  const region = (params.get("region") ?? env.VITE_JOURNEY_RUNS_REGION ?? DEFAULT_REGION).trim();
  if (!REGION_PATTERN.test(region)) {
    return { ok: false, problem: `The region "${region}" is not an AWS Region name: use one such as us-east-1.` };
  }

  const pageSizeText = params.get("pageSize");
  const pageSize = pageSizeText === null ? DEFAULT_PAGE_SIZE : parsePageSize(pageSizeText);
  if (pageSize === undefined) {
    return {
      ok: false,
      problem: `The page size "${pageSizeText}" is not a whole number from ${PAGE_SIZE_LIMITS.min} to ${PAGE_SIZE_LIMITS.max}: fix ?pageSize= in the address.`,
    };
  }

  return {
    ok: true,
    settings: {
      source,
      region,
      applicationId: params.get("app") ?? EXAMPLE_APPLICATION_ID,
      journeyId: params.get("journey") ?? EXAMPLE_JOURNEY_ID,
      pageSize,
    },
  };
}

/** Parses a page size typed by a person: a whole number within the contract's limits, or `undefined`. */
export function parsePageSize(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= PAGE_SIZE_LIMITS.min && value <= PAGE_SIZE_LIMITS.max ? value : undefined;
}

/** Says what is wrong with an application or journey id, or `undefined` when the contract accepts it. */
export function checkId(label: string, value: string): string | undefined {
  if (value.length < ID_LIMITS.min) return `Enter the ${label}.`;
  if (value.length > ID_LIMITS.max) {
    return `The ${label} has ${value.length} characters; the API accepts at most ${ID_LIMITS.max}.`;
  }
  return undefined;
}

function parseSource(raw: string): DataSource | string {
  if (raw === "" || raw === "mock") return { kind: "mock" };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `The endpoint "${raw}" is not a URL: use one such as http://127.0.0.1:4010, or remove ?endpoint= to use the in-page fake.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `The endpoint "${raw}" must start with http:// or https://, for example http://127.0.0.1:4010.`;
  }
  if (url.username !== "" || url.password !== "") {
    return "The endpoint must not contain a user name or password: the page never holds credentials.";
  }
  return { kind: "endpoint", endpoint: url.href.replace(/\/+$/, "") };
}
