/** The variable that sets how many cases every property runs (e.g. `JOURNEY_RUNS_FC_RUNS=10000`). */
export const RUNS_VARIABLE = "JOURNEY_RUNS_FC_RUNS";

/** The variable that replays or varies the seed of every property (an integer). */
export const SEED_VARIABLE = "JOURNEY_RUNS_FC_SEED";

/** The seed of every property unless `JOURNEY_RUNS_FC_SEED` says otherwise: fixed, so CI runs are reproducible. */
export const DEFAULT_SEED = 20_261_126;

/** How one property runs: the seed and the number of cases. */
export interface PropertySettings {
  readonly seed: number;
  readonly numRuns: number;
}

const integer = (name: string, raw: string, min: number): number => {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`[reliability] ${name} must be an integer >= ${min}; got "${raw}". Unset it for the defaults.`);
  }
  return value;
};

/**
 * The seed and number of runs of a property: `defaultRuns` (sized so that `npm test` stays short) and the fixed
 * seed, unless the environment asks for more runs or another seed.
 */
export const propertySettings = (
  defaultRuns: number,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PropertySettings => {
  const runs = env[RUNS_VARIABLE];
  const seed = env[SEED_VARIABLE];
  return {
    seed: seed ? integer(SEED_VARIABLE, seed, Number.MIN_SAFE_INTEGER) : DEFAULT_SEED,
    numRuns: runs ? integer(RUNS_VARIABLE, runs, 1) : defaultRuns,
  };
};
