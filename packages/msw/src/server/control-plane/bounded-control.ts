import { createLocalControl } from "../../control-api/local.js";
import type { JourneyRunsControl } from "../../control-api/types.js";
import { JourneyRunsMockError } from "../../core/errors.js";
import type { JourneyRunsFake } from "../../core/fake.js";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";

/**
 * The control of a fake on the HTTP door: the in-process control, with the bound of the control contract on what
 * a dump may cost (`x-max-dump-runs`), checked before anything is formatted.
 */
export function boundedControl(fake: JourneyRunsFake): JourneyRunsControl {
  const control = createLocalControl(fake);
  return {
    ...control,
    dump: async () => {
      const runs = fake.store.size;
      if (runs > CONTROL_LIMITS.dumpRuns) {
        throw new JourneyRunsMockError(
          "LIMIT_EXCEEDED",
          `The store holds ${runs} runs; GET /state dumps at most ${CONTROL_LIMITS.dumpRuns} (a larger dump would not fit PUT /state). Read the runs page by page with GetJourneyRuns, or remove some.`,
        );
      }
      return control.dump();
    },
  };
}
