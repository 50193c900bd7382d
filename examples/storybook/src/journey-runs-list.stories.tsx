import { EXAMPLE_IDS } from "@journey-runs/msw";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { JourneyRunsList } from "./journey-runs-list";

const meta = {
  title: "Journey runs/List",
  component: JourneyRunsList,
  tags: ["autodocs"],
  args: { applicationId: EXAMPLE_IDS.applicationId, journeyId: EXAMPLE_IDS.journeyId },
} satisfies Meta<typeof JourneyRunsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The official AWS example journey: one COMPLETED and one SCHEDULED run (the default scene). */
export const ExampleRuns: Story = {};

/** 60 runs, 25 a page: Load more twice. */
export const SixtyRuns: Story = {
  args: { journeyId: "sixty-runs" },
  parameters: {
    journeyRunsScene: { journeys: [{ applicationId: EXAMPLE_IDS.applicationId, journeyId: "sixty-runs", runs: 60 }] },
  },
};

/** A journey the service does not know: 404 NotFoundException, not retried. */
export const NotFound: Story = {
  args: { journeyId: "no-such-journey" },
};

/** Two 429s, then the runs: the client's third attempt (of 3) gets through. */
export const ThrottledThenRecovered: Story = {
  parameters: { journeyRunsScene: { faults: [{ kind: "status", status: 429, times: 2, scope: "request" }] } },
};

/** Every attempt of the call gets 500 InternalServerErrorException: the client gives up after 3. */
export const ServerError: Story = {
  parameters: { journeyRunsScene: { faults: [{ kind: "status", status: 500 }] } },
};
