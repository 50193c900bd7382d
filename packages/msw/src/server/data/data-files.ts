import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { checkApplicationId, checkJourneyId, checkTime, type RuleBreak, STATE_LIMITS } from "../../core/run-rules.js";
import type { CheckedState } from "../../core/state/checked-state.js";
import { STATE_FORMAT, STATE_VERSION } from "../../core/state/state.js";
import { DataFileError, shown } from "./data-errors.js";
import { appendRuns, RunsRead } from "./data-runs.js";
import { checkedDataState } from "./data-state.js";
import { readDataText, type TextBuffer } from "./data-text.js";

/** The bounds of `--data`: per file, in files, and in runs over all files. */
export interface DataLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxRuns: number;
}

/**
 * Default bounds: 512 MiB per file, 200,000 files, and the runs a state may hold (10,000,000), so that what is read
 * is what loads; the applications and journeys of a state are checked as they are first read.
 */
export const DATA_LIMITS: DataLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxFiles: 200_000,
  maxRuns: STATE_LIMITS.runs,
};

/** Folders below a `--data` folder that are searched: `<app-id>/<journey-id>/` and no deeper. */
const MAX_DEPTH = 2;
let collator: Intl.Collator | undefined;

/**
 * File names in natural order (page-2 before page-10). The collator is made on first use: making one costs about
 * 12 ms, which a server started without a data folder should not pay.
 */
function byName(a: string, b: string): number {
  collator ??= new Intl.Collator("en", { numeric: true });
  return collator.compare(a, b);
}

interface Collected {
  applicationId: string;
  journeyId: string;
  runs: RunsRead;
}

/** What the read of the paths found: the journeys in the order first read, and the first dump's `now`. */
interface Read {
  journeys: Collected[];
  now: number | undefined;
  files: number;
}

/** The rule breaks at `pointer` of `file`, as data errors. */
const failIn =
  (file: string, pointer: string): RuleBreak =>
  (at, expected, got) => {
    throw new DataFileError(file, `${pointer}${at}`, `expected ${expected}; got ${shown(got)}.`);
  };

/**
 * Reads `--data` paths (files or folders) into one state: dump files of the fake (`format:
 * "journey-runs-mock/state"`) and pages captured as `aws pinpoint get-journey-runs --output json` or boto3 print
 * them (`{"JourneyRunsResponse": {"Item": [...], "NextToken": ...}}`). A page belongs to the journey named by the
 * two folders that hold it (`<app-id>/<journey-id>/page-1.json`); the pages of a journey are read in file-name
 * order (numbers compared as numbers). Only known fields are read and every object with runs is checked for
 * unknown keys, so a `__proto__` key is refused where it stands (JSON.parse makes it an own key). Every run, id,
 * time and count is checked against the rules `parseState` applies (`core/run-rules.ts`) as it is read; any problem
 * throws a {@link DataFileError} naming the file, the JSON pointer and what was expected, so nothing is loaded from
 * half the data. A store loads the result with `loadChecked`, which reuses the runs made while checking
 * (docs/decisions/0018-data-load-one-pass.md).
 */
export function readDataPaths(paths: readonly string[], limits: DataLimits = DATA_LIMITS): CheckedState {
  return readData(paths, limits).checked;
}

/** What `--data` loaded, for the one line the bin prints at start. */
export interface DataSummary {
  applications: number;
  journeys: number;
  runs: number;
  files: number;
}

/** {@link readDataPaths}, with a summary of what was read. */
export function readData(
  paths: readonly string[],
  limits: DataLimits = DATA_LIMITS,
): { checked: CheckedState; summary: DataSummary } {
  const read = readAll(paths, limits);
  const checked = checkedDataState(read.journeys, read.now ?? Date.now());
  let runs = 0;
  for (const journey of read.journeys) runs += journey.runs.stored.length;
  const summary = {
    applications: checked.applications.length,
    journeys: read.journeys.length,
    runs,
    files: read.files,
  };
  return { checked, summary };
}

/** Reads the paths; throws the first {@link DataFileError}. */
function readAll(paths: readonly string[], limits: DataLimits): Read {
  const journeys: Collected[] = [];
  // Keyed by application, then journey: no joined key, so no two (application, journey) pairs can meet.
  const byApp = new Map<string, Map<string, Collected>>();
  let now: Read["now"];
  let files = 0;
  let runs = 0;
  const buffer: TextBuffer = { bytes: Buffer.allocUnsafe(64 * 1024) };

  /** The journey's runs; a new application or journey is checked against the state's bounds where it is read. */
  const journey = (file: string, at: string, applicationId: string, journeyId: string): Collected => {
    let app = byApp.get(applicationId);
    if (app === undefined) {
      if (byApp.size >= STATE_LIMITS.applications) {
        throw new DataFileError(
          file,
          at,
          `the data names more than ${STATE_LIMITS.applications} applications, the most a state holds; load fewer.`,
        );
      }
      app = new Map();
      byApp.set(applicationId, app);
    }
    let found = app.get(journeyId);
    if (found === undefined) {
      if (app.size >= STATE_LIMITS.journeys) {
        throw new DataFileError(
          file,
          at,
          `application ${shown(applicationId)} has more than ${STATE_LIMITS.journeys} journeys, the most a state holds; load fewer.`,
        );
      }
      if (journeys.length >= STATE_LIMITS.totalJourneys) {
        throw new DataFileError(
          file,
          at,
          `the data names more than ${STATE_LIMITS.totalJourneys} journeys, the most a state holds; load fewer.`,
        );
      }
      found = { applicationId, journeyId, runs: new RunsRead() };
      app.set(journeyId, found);
      journeys.push(found);
    }
    return found;
  };
  /** Appends the runs at `pointer` of `file` to `target`: all checked, then the bound. */
  const add = (file: string, pointer: string, target: Collected, given: unknown) => {
    runs += appendRuns(given, file, pointer, target.runs);
    if (runs > limits.maxRuns)
      throw new DataFileError(file, "", `the data holds more than ${limits.maxRuns} runs; load less.`);
  };

  /** `depth`: how many folders below a `--data` folder the file is; absent for a file given itself. */
  const readFile = (file: string, depth?: number) => {
    files += 1;
    if (files > limits.maxFiles)
      throw new DataFileError(file, "", `more than ${limits.maxFiles} data files; load fewer.`);
    const text = readDataText(file, limits.maxFileBytes, buffer);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DataFileError(file, "", `expected JSON; ${(error as Error).message}.`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new DataFileError(
        file,
        "",
        `expected a JSON object (a journey-runs-mock state or a captured page); got ${shown(value)}.`,
      );
    }
    const record = value as Record<string, unknown>;
    if (Object.hasOwn(record, "format")) readState(file, record);
    else if (Object.hasOwn(record, "JourneyRunsResponse")) readPage(file, record, depth);
    else {
      throw new DataFileError(
        file,
        "",
        'expected a state dump ({"format": "journey-runs-mock/state", ...}) or a captured page ({"JourneyRunsResponse": {"Item": [...]}}).',
      );
    }
  };

  const readState = (file: string, state: Record<string, unknown>) => {
    if (state.format !== STATE_FORMAT)
      throw new DataFileError(file, "/format", `expected "${STATE_FORMAT}"; got ${shown(state.format)}.`);
    if (state.version !== STATE_VERSION) {
      const expected = `expected ${STATE_VERSION} (the only version); got ${shown(state.version)}.`;
      throw new DataFileError(file, "/version", expected);
    }
    const ms = checkTime(state.now, failIn(file, "/now"));
    now ??= ms;
    if (!Array.isArray(state.applications))
      throw new DataFileError(file, "/applications", `expected a list; got ${shown(state.applications)}.`);
    for (const [a, app] of (state.applications as unknown[]).entries()) {
      const at = `/applications/${a}`;
      const { applicationId, journeys: list } = (app ?? {}) as Record<string, unknown>;
      const appId = checkApplicationId(applicationId, failIn(file, `${at}/applicationId`));
      if (!Array.isArray(list)) throw new DataFileError(file, `${at}/journeys`, `expected a list; got ${shown(list)}.`);
      for (const [j, entry] of list.entries()) {
        const { journeyId, runs: given } = (entry ?? {}) as Record<string, unknown>;
        const id = checkJourneyId(journeyId, failIn(file, `${at}/journeys/${j}/journeyId`));
        add(file, `${at}/journeys/${j}/runs`, journey(file, `${at}/journeys/${j}`, appId, id), given);
      }
    }
  };

  const readPage = (file: string, page: Record<string, unknown>, depth: number | undefined) => {
    // In a --data folder the two folders above a page name its journey; with one missing, the folder given (or the
    // journey's folder) would be taken as the application, and the runs would land in a journey nobody asked for.
    if (depth !== undefined && depth !== MAX_DEPTH) {
      throw new DataFileError(
        file,
        "",
        `expected a captured page in <application-id>/<journey-id>/ inside the --data folder; this one is ${depth} folder(s) down instead of 2. Move it into its application's and journey's folders.`,
      );
    }
    for (const key of Object.keys(page)) {
      if (key !== "JourneyRunsResponse" && key !== "ResponseMetadata") {
        throw new DataFileError(file, `/${key}`, "expected only JourneyRunsResponse (and boto3's ResponseMetadata).");
      }
    }
    const response = page.JourneyRunsResponse as Record<string, unknown> | null;
    if (typeof response !== "object" || response === null || Array.isArray(response)) {
      throw new DataFileError(file, "/JourneyRunsResponse", `expected an object with Item; got ${shown(response)}.`);
    }
    for (const key of Object.keys(response)) {
      if (key !== "Item" && key !== "NextToken")
        throw new DataFileError(file, `/JourneyRunsResponse/${key}`, "expected only Item and NextToken.");
    }
    const journeyDir = dirname(file);
    const journeyId = basename(journeyDir);
    const applicationId = basename(dirname(journeyDir));
    if (journeyId === "" || applicationId === "" || applicationId === "." || applicationId === "/") {
      throw new DataFileError(
        file,
        "",
        "expected a captured page inside <application-id>/<journey-id>/ folders, which name its journey.",
      );
    }
    const names: RuleBreak = (_at, expected, got) => {
      throw new DataFileError(file, "", `expected folders named by ids, each ${expected}; got ${shown(got)}.`);
    };
    checkApplicationId(applicationId, names);
    checkJourneyId(journeyId, names);
    add(file, "/JourneyRunsResponse/Item", journey(file, "", applicationId, journeyId), response.Item);
  };

  const readFolder = (folder: string, depth: number) => {
    const entries = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      // A symbolic link is followed (to what it points to); depth stays bounded, so a loop of links cannot recur.
      const kind = entry.isSymbolicLink()
        ? kindOf(path, path)
        : entry.isDirectory()
          ? "folder"
          : entry.isFile()
            ? "file"
            : "other";
      if (kind === "folder") {
        if (depth >= MAX_DEPTH)
          throw new DataFileError(path, "", "expected no folder here: pages go in <application-id>/<journey-id>/.");
        readFolder(path, depth + 1);
      } else if (!entry.name.endsWith(".json")) continue;
      else if (kind === "file") readFile(path, depth);
      else throw notRegular(path);
    }
  };

  for (const given of paths) {
    const path = resolve(given);
    const kind = kindOf(path, given);
    if (kind === "folder") readFolder(path, 0);
    else if (kind === "file") readFile(path);
    else throw notRegular(given);
  }

  return { journeys, now, files };
}

/**
 * What `path` is, following links: a folder, a regular file, or something else (a FIFO, socket or device, which
 * would block the read forever or never end). Throws when nothing is there (a dangling link too).
 */
function kindOf(path: string, shownAs: string): "folder" | "file" | "other" {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    throw new DataFileError(shownAs, "", "expected a file or folder that exists (a link must point to one).");
  }
  return stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other";
}

const notRegular = (path: string) =>
  new DataFileError(path, "", "expected a regular file or a folder; a FIFO, socket or device cannot be read as data.");
