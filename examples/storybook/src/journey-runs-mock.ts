import { createJourneyRunsMock, EXAMPLE_IDS, type JourneyRunsErrorStatus } from "@journey-runs/msw";

/** The one fake of Pinpoint GetJourneyRuns behind every story (its handlers are in `.storybook/preview.ts`). */
export const journeyRunsMock = createJourneyRunsMock({ seed: 1 });

/** TEMPORARY until the scene API lands: the part of JourneyRunsScene the stories use. */
export interface StoryScene {
  example?: boolean;
  exampleRuns?: number;
  journeys?: { applicationId: string; journeyId: string; runs?: number }[];
  faults?: { kind: "status"; status: JourneyRunsErrorStatus; times?: number; scope?: "call" | "request" }[];
}

/**
 * A story loader that puts the fake in `scene`. The manager never reloads the preview, so the fake keeps its state
 * between stories and between visits of one story: setting the whole scene on every render is what makes a revisit
 * show what the first visit showed.
 */
export function sceneLoader(scene: StoryScene) {
  return async (): Promise<Record<string, never>> => {
    journeyRunsMock.reset();
    journeyRunsMock.store.reset();
    if (scene.example === false) journeyRunsMock.store.removeApplication(EXAMPLE_IDS.applicationId);
    if (scene.exampleRuns) journeyRunsMock.store.example?.addRuns(scene.exampleRuns);
    for (const j of scene.journeys ?? []) {
      const journey = journeyRunsMock.store.addJourney(j.applicationId, j.journeyId);
      if (j.runs) journey.addRuns(j.runs);
    }
    for (const f of scene.faults ?? []) {
      if (f.scope === "request") journeyRunsMock.failNext(f.status, { times: f.times ?? 1 });
      else journeyRunsMock.failAlways(f.status);
    }
    return {};
  };
}
