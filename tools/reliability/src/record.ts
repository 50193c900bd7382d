import { appendFileSync } from "node:fs";

/** The variable naming the file where tests append what they checked; `npm run report` sets it. */
export const RECORD_VARIABLE = "JOURNEY_RUNS_RELIABILITY_RECORD";

/** What one test checked, for `docs/reliability.md`. */
export interface CheckRecord {
  /** The full name of the test (`describe > it`), to join with the test's result. */
  readonly test: string;
  /** How many cases the test ran: generated inputs, command sequences, fault scenarios. */
  readonly cases: number;
  /** The fast-check seed, for properties. */
  readonly seed?: number | undefined;
}

/** Appends `entry` as one JSON line to the file named by `JOURNEY_RUNS_RELIABILITY_RECORD`; nothing when unset. */
export const recordCheck = (entry: CheckRecord, env: Readonly<Record<string, string | undefined>> = process.env) => {
  const file = env[RECORD_VARIABLE];
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
};
