import { createJourneyRunsMock, type JourneyRunsScene } from "@journey-runs/msw";

/**
 * The one fake of Pinpoint GetJourneyRuns behind every story: the preview gives its handlers to every story and, before
 * each render, sets the story's scene (`parameters.journeyRunsScene`, `{}` when a story has none).
 */
export const journeyRunsMock = createJourneyRunsMock({ seed: 1 });

declare module "storybook/internal/csf" {
  interface Parameters {
    /** What the fake holds for this story: set on every visit (reset to creation state, then this scene). */
    journeyRunsScene?: JourneyRunsScene;
  }
}

/**
 * Puts the fake in the story's scene. The manager never reloads the preview, so the fake keeps its state between
 * stories and between visits of one story: setting the whole scene before every render makes a revisit show what the
 * first visit showed, and a story without a scene gets the default one, not the previous story's.
 */
export function setStoryScene({ parameters }: { parameters: { journeyRunsScene?: JourneyRunsScene } }): Promise<void> {
  return journeyRunsMock.control.setScene(parameters.journeyRunsScene ?? {});
}
