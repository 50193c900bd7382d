import type { FaultSpec, JourneyRunsScene } from "../../control-api/types.js";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";
import { type Clock, isManualClock, toEpochMs } from "../clock.js";
import { EXAMPLE_IDS, PATH_LABELS } from "../contract-rules.js";
import { check, JourneyRunsMockError } from "../errors.js";
import type { Journey, JourneyHandle, RunInput, ScheduleInput } from "../store/journey.js";
import { addOfficialExample, type JourneyRunsStore } from "../store/store.js";

/** What applying a scene needs from a fake. */
export interface SceneTarget {
  store: JourneyRunsStore;
  clock: Clock;
  fault(spec: FaultSpec): void;
  setLatency(ms: number): void;
}

/**
 * The most journeys, runs made from the seed per part, listed runs per part, and runs over the whole scene (every
 * reset makes them again, so the total bounds the cost of a reset), from the control contract.
 */
export const SCENE_LIMITS = {
  journeys: CONTROL_LIMITS.sceneJourneys,
  runs: CONTROL_LIMITS.addRuns,
  listed: CONTROL_LIMITS.listedRuns,
  total: CONTROL_LIMITS.sceneRuns,
} as const;

const KEYS = new Set(["example", "exampleRuns", "journeys", "faults", "latency", "clock"]);
const JOURNEY_KEYS = new Set(["applicationId", "journeyId", "runs", "scheduled"]);

function list<T>(value: unknown, what: string, max: number): T[] {
  if (value === undefined) return [];
  check(Array.isArray(value) && value.length <= max, `${what} must be an array of at most ${max} items.`);
  return value as T[];
}

function count(value: unknown, what: string): number {
  check(
    typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= SCENE_LIMITS.runs,
    `${what} must be a whole number from 0 to ${SCENE_LIMITS.runs}; got ${String(value)}.`,
  );
  return value;
}

function known(value: object, keys: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(value)) {
    check(
      keys.has(key),
      `${what} has no property ${JSON.stringify(key.slice(0, 64))}; it has ${[...keys].join(", ")}.`,
    );
  }
}

/**
 * Checks a scene and returns a deep copy of it (JSON only), so that changing the caller's object later does not
 * change what `reset()` replays. Throws `JourneyRunsMockError` (INVALID_ARGUMENT) on anything a scene cannot hold.
 */
export function copyScene(scene: JourneyRunsScene): JourneyRunsScene {
  check(typeof scene === "object" && scene !== null && !Array.isArray(scene), "A scene must be an object.");
  known(scene, KEYS, "A scene");
  let copy: JourneyRunsScene;
  try {
    copy = JSON.parse(JSON.stringify(scene)) as JourneyRunsScene;
  } catch {
    throw new JourneyRunsMockError("INVALID_ARGUMENT", "A scene must be JSON: no cycles, no BigInt.");
  }
  check(copy.example === undefined || typeof copy.example === "boolean", "scene.example must be true or false.");
  let total = copy.exampleRuns === undefined ? 0 : count(copy.exampleRuns, "scene.exampleRuns");
  for (const [i, journey] of list<unknown>(copy.journeys, "scene.journeys", SCENE_LIMITS.journeys).entries()) {
    check(typeof journey === "object" && journey !== null, `scene.journeys[${i}] must be an object.`);
    known(journey, JOURNEY_KEYS, `scene.journeys[${i}]`);
    const { runs, scheduled } = journey as { runs?: unknown; scheduled?: unknown };
    if (typeof runs === "number") total += count(runs, `scene.journeys[${i}].runs`);
    else total += list(runs, `scene.journeys[${i}].runs`, SCENE_LIMITS.listed).length;
    total += list(scheduled, `scene.journeys[${i}].scheduled`, SCENE_LIMITS.listed).length;
  }
  // Counted before any run is made: every reset replays the scene, so this bounds what a reset costs.
  check(
    total <= SCENE_LIMITS.total,
    `A scene makes at most ${SCENE_LIMITS.total} runs over all its parts (every reset makes them again); this one makes ${total}.`,
  );
  list(copy.faults, "scene.faults", 1_000);
  return copy;
}

function checkId(value: unknown, what: string, rule: { minLength: number; maxLength: number }): string {
  check(
    typeof value === "string" && value.length >= rule.minLength && value.length <= rule.maxLength,
    `${what} must be a string of ${rule.minLength} to ${rule.maxLength} characters.`,
  );
  return value;
}

/**
 * Applies a scene (already copied by {@link copyScene}) to a fake that was just reset: the clock first (runs are
 * made at its time), then the example, the journeys and their runs, then faults and latency. Deterministic: the same
 * seed and scene give the same runs.
 */
export function applyScene(target: SceneTarget, scene: JourneyRunsScene): void {
  if (scene.clock !== undefined) {
    if (!isManualClock(target.clock)) {
      throw new JourneyRunsMockError(
        "CLOCK_NOT_MANUAL",
        "scene.clock needs a manual clock; this fake reads the system clock. Create it without `clock: systemClock`.",
      );
    }
    target.clock.set(toEpochMs(scene.clock, "scene.clock"));
  }
  const { store } = target;
  if (scene.example === false) store.removeJourney(EXAMPLE_IDS.applicationId, EXAMPLE_IDS.journeyId);
  if (scene.example === true || scene.exampleRuns !== undefined) {
    const example = addOfficialExample(store);
    if (scene.exampleRuns) (example as Journey).addGenerated(scene.exampleRuns);
  }
  for (const [i, entry] of (scene.journeys ?? []).entries()) {
    const at = `scene.journeys[${i}]`;
    const journey: JourneyHandle = store.addJourney(
      checkId(entry.applicationId, `${at}.applicationId`, PATH_LABELS["application-id"].schema),
      checkId(entry.journeyId, `${at}.journeyId`, PATH_LABELS["journey-id"].schema),
    );
    if (typeof entry.runs === "number") (journey as Journey).addGenerated(count(entry.runs, `${at}.runs`));
    else if (entry.runs !== undefined) {
      journey.addRuns(list<RunInput>(entry.runs, `${at}.runs`, SCENE_LIMITS.listed));
    }
    for (const input of list<ScheduleInput>(entry.scheduled, `${at}.scheduled`, SCENE_LIMITS.listed)) {
      journey.scheduleRun(input);
    }
  }
  for (const spec of scene.faults ?? []) target.fault(spec);
  if (scene.latency !== undefined) target.setLatency(scene.latency);
}
