import { isManualClock, type ManualClock, toEpochMs } from "../core/clock.js";
import { PATH_LABELS } from "../core/contract-rules.js";
import { check, JourneyRunsMockError } from "../core/errors.js";
import type { JourneyRunsFake } from "../core/fake.js";
import type { JourneyHandle } from "../core/store/journey.js";
import { CONTROL_LIMITS } from "../generated/control-limits.js";
import type { JourneyRunsControl } from "./types.js";

function checkIds(applicationId: unknown, journeyId: unknown): void {
  for (const [what, value, rule] of [
    ["applicationId", applicationId, PATH_LABELS["application-id"].schema],
    ["journeyId", journeyId, PATH_LABELS["journey-id"].schema],
  ] as const) {
    check(
      typeof value === "string" && value.length >= rule.minLength && value.length <= rule.maxLength,
      `${what} must be a string of ${rule.minLength} to ${rule.maxLength} characters.`,
    );
  }
}

function manual(fake: JourneyRunsFake): ManualClock {
  if (!isManualClock(fake.clock)) {
    throw new JourneyRunsMockError(
      "CLOCK_NOT_MANUAL",
      "This fake reads the system clock, which cannot be set or advanced; create it with a manual clock (the default).",
    );
  }
  return fake.clock;
}

/**
 * The control operations of an in-process fake, with the same async shape as a remote `journey-runs-mock`
 * (`connectJourneyRunsControl`), so a test can drive either with the same code. Misuse rejects with
 * `JourneyRunsMockError` and its stable `code`.
 *
 * @example
 * ```ts
 * const control = createLocalControl(createJourneyRunsFake({ seed: 1 }));
 * await control.addJourney("app", "journey");
 * await control.failNext(500);
 * ```
 */
export function createLocalControl(fake: JourneyRunsFake): JourneyRunsControl {
  const journey = (applicationId: string, journeyId: string): JourneyHandle => {
    checkIds(applicationId, journeyId);
    return fake.store.journey(applicationId, journeyId);
  };
  const iso = (): string => new Date(fake.clock.now()).toISOString();
  return {
    health: async () => ({ status: "ok", clock: isManualClock(fake.clock) ? "manual" : "system", now: iso() }),
    reset: async () => fake.reset(),
    setScene: async (scene) => fake.setScene(scene),
    async resetAll({ scene } = {}) {
      // An empty scene is the creation state. When setScene throws, the journal is kept: the caller sees what led there.
      fake.setScene(scene ?? {});
      fake.clearJournal();
    },
    dump: async () => fake.dump(),
    load: async (state) => fake.load(state),
    async addJourney(applicationId, journeyId) {
      checkIds(applicationId, journeyId);
      fake.store.addJourney(applicationId, journeyId);
    },
    async removeJourney(applicationId, journeyId) {
      checkIds(applicationId, journeyId);
      return fake.store.removeJourney(applicationId, journeyId);
    },
    async removeApplication(applicationId) {
      checkIds(applicationId, "-");
      return fake.store.removeApplication(applicationId);
    },
    async addRuns(applicationId, journeyId, runs) {
      const target = journey(applicationId, journeyId);
      // The bounds of the control contract, checked before any run is made: a call's time and answer are bounded.
      if (Array.isArray(runs)) {
        check(
          runs.length <= CONTROL_LIMITS.listedRuns,
          `addRuns takes at most ${CONTROL_LIMITS.listedRuns} runs in a list; got ${runs.length}. Split them over several calls.`,
          `POST /_journey-runs-mock/apps/{applicationId}/journeys/{journeyId}/runs takes at most ${CONTROL_LIMITS.listedRuns} runs in a list; got ${runs.length}. Split them over several requests.`,
        );
      } else {
        check(
          typeof runs === "number" && Number.isSafeInteger(runs) && runs >= 1 && runs <= CONTROL_LIMITS.addRuns,
          `runs must be a whole number from 1 to ${CONTROL_LIMITS.addRuns} (or a list of runs to add); got ${String(runs).slice(0, 32)}. Add more over several calls.`,
        );
      }
      return target.addRuns(runs);
    },
    scheduleRun: async (applicationId, journeyId, input) => journey(applicationId, journeyId).scheduleRun(input),
    setRunStatus: async (applicationId, journeyId, runId, status) =>
      journey(applicationId, journeyId).setRunStatus(runId, status),
    async setClock(time) {
      const clock = manual(fake);
      check(typeof time === "string" || typeof time === "number", "time must be an ISO 8601 string or epoch ms.");
      clock.set(toEpochMs(time));
      return iso();
    },
    async advanceClock(ms) {
      manual(fake).advance(ms);
      return iso();
    },
    fault: async (spec) => fake.fault(spec),
    failNext: async (status, options) => fake.failNext(status, options),
    failAlways: async (status, options) => fake.failAlways(status, options),
    throttle: async (count, options) => fake.throttle(count, options),
    networkErrorNext: async (options) => fake.networkErrorNext(options),
    clearFaults: async () => fake.clearFaults(),
    setLatency: async (ms) => fake.setLatency(ms),
    journal: async (options) => fake.journal(options),
    clearJournal: async () => fake.clearJournal(),
  };
}
