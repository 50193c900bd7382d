import { EXAMPLE_IDS } from "@journey-runs/msw";
import preview from "../.storybook-next/preview";
import { JourneyRunsList } from "../src/journey-runs-list";

const meta = preview.meta({
  title: "Journey runs/List",
  component: JourneyRunsList,
  tags: ["autodocs"],
  args: { applicationId: EXAMPLE_IDS.applicationId, journeyId: EXAMPLE_IDS.journeyId },
});

/** The official AWS example journey: one COMPLETED and one SCHEDULED run (the default scene). */
export const ExampleRuns = meta.story({});

/** 60 runs, 25 a page: Load more twice. */
export const SixtyRuns = meta.story({
  args: { journeyId: "sixty-runs" },
  parameters: {
    journeyRunsScene: { journeys: [{ applicationId: EXAMPLE_IDS.applicationId, journeyId: "sixty-runs", runs: 60 }] },
  },
});

/** A journey the service does not know: 404 NotFoundException, not retried. */
export const NotFound = meta.story({
  args: { journeyId: "no-such-journey" },
});

/** Two 429s, then the runs: the client's third attempt (of 3) gets through. */
export const ThrottledThenRecovered = meta.story({
  parameters: { journeyRunsScene: { faults: [{ kind: "status", status: 429, times: 2, scope: "request" }] } },
});

/** Every attempt of the call gets 500 InternalServerErrorException: the client gives up after 3. */
export const ServerError = meta.story({
  parameters: { journeyRunsScene: { faults: [{ kind: "status", status: 500 }] } },
});
