import { createJourneyRunsMock, EXAMPLE_IDS, type JourneyRunsScene } from "@journey-runs/msw";

const mock = createJourneyRunsMock({ seed: 1 });

/** TEMPORARY stand-in for `mock.control.setScene` until the scene API lands on wip/mswcore. */
async function setScene(scene: JourneyRunsScene): Promise<void> {
  mock.reset();
  if (scene.example === false) mock.store.removeApplication(EXAMPLE_IDS.applicationId);
  if (scene.exampleRuns) mock.store.example?.addRuns(scene.exampleRuns);
  for (const j of scene.journeys ?? []) {
    const journey = mock.store.addJourney(j.applicationId, j.journeyId);
    if (typeof j.runs === "number") journey.addRuns(j.runs);
  }
  for (const f of scene.faults ?? []) {
    if (f.kind !== "status") continue;
    if (f.scope === "request") mock.failNext(f.status, { times: f.times ?? 1 });
    else mock.failAlways(f.status);
  }
}

/** The one fake of Pinpoint GetJourneyRuns behind every story (its handlers are given in the preview). */
export const journeyRunsMock = Object.assign(mock, { control: { setScene } });
