import { connectJourneyRunsControl, type JourneyRunsControl } from "@journey-runs/msw/control";
import { createJourneyRunsFake, createLocalControl } from "@journey-runs/msw/core";
import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const PREFIX = "/_journey-runs-mock";
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 5, control: true });
});
afterAll(() => server.close());

/** Dirties every part resetAll resets: the store, a fault, the latency, the clock and the journal. */
async function dirty(control: JourneyRunsControl, call: () => Promise<number>): Promise<void> {
  await control.addJourney("app", "j");
  await control.addRuns("app", "j", 2);
  await control.setClock("2027-03-01T00:00:00.000Z");
  expect(await call()).toBe(200);
  await control.failAlways(500);
  await control.setLatency(5);
  expect(await control.journal()).toHaveLength(1);
}

const doors: [string, () => { control: JourneyRunsControl; call: () => Promise<number> }][] = [
  [
    "in-process",
    () => {
      const fake = createJourneyRunsFake({ seed: 5 });
      const call = async () => {
        const answer = await fake.handle({
          method: "GET",
          path: "/v1/apps/app/journeys/j/runs",
          query: "",
          headers: new Headers(),
        });
        return answer?.kind === "response" ? answer.status : 0;
      };
      return { control: createLocalControl(fake), call };
    },
  ],
  [
    "over HTTP",
    () => ({
      control: connectJourneyRunsControl(server.url),
      call: async () => (await fetch(`${server.url}/v1/apps/app/journeys/j/runs`)).status,
    }),
  ],
];

describe.each(doors)("resetAll (%s)", (_door, open) => {
  test("puts the store, faults, latency, clock and journal back to the start in one call", async () => {
    const { control, call } = open();
    await control.resetAll();
    const start = await control.dump();
    await dirty(control, call);
    await control.resetAll();
    expect(await control.dump()).toEqual(start);
    expect((await control.health()).now).toBe("2026-01-01T00:00:00.000Z");
    expect(await control.journal()).toEqual([]);
    await control.addJourney("app", "j");
    expect(await call()).toBe(200);
    await control.reset();
    expect(await control.dump()).toEqual(start);
  });

  test("with a scene: resets to it, and reset() returns there afterwards", async () => {
    const { control, call } = open();
    await control.clearJournal();
    await dirty(control, call);
    const scene = { example: false, journeys: [{ applicationId: "s", journeyId: "j", runs: 3 }] };
    await control.resetAll({ scene });
    const atScene = await control.dump();
    expect(atScene.applications.find((app) => app.applicationId === "s")?.journeys[0]?.runs).toHaveLength(3);
    expect(atScene.applications.find((app) => app.applicationId === "app")).toBeUndefined();
    expect(await control.journal()).toEqual([]);
    await control.addRuns("s", "j", 1);
    await control.reset();
    expect(await control.dump()).toEqual(atScene);
  });

  test("a scene it cannot apply is refused: back at the previous scene, the journal kept", async () => {
    const { control, call } = open();
    await control.resetAll();
    const before = await control.dump();
    await dirty(control, call);
    const bad = { journeys: [{ applicationId: "s", journeyId: "j", runs: [{ runId: "a" }, { runId: "a" }] }] };
    await expect(control.resetAll({ scene: bad })).rejects.toMatchObject({ code: "DUPLICATE_RUN" });
    expect(await control.dump()).toEqual(before);
    expect(await control.journal()).toHaveLength(1);
    await control.resetAll();
  });
});

describe("POST /_journey-runs-mock/reset-all over HTTP", () => {
  const post = (init: RequestInit = {}) =>
    fetch(`${server.url}${PREFIX}/reset-all`, {
      method: "POST",
      ...init,
      headers: { "x-journey-runs-mock-intent": "control", ...init.headers },
    });

  test("takes no body at all, or a JSON body", async () => {
    expect((await post()).status).toBe(204);
    const json = { "content-type": "application/json" };
    expect((await post({ headers: json, body: "{}" })).status).toBe(204);
    expect((await post({ headers: json, body: JSON.stringify({ scene: { example: false } }) })).status).toBe(204);
  });

  test("refuses a scene that is not an object, and a body that is not JSON", async () => {
    const json = { "content-type": "application/json" };
    const refused = await post({ headers: json, body: JSON.stringify({ scene: [] }) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect((await post({ headers: { "content-type": "text/plain" }, body: "x" })).status).toBe(415);
  });

  test("is a write: without the proof of intent it is refused", async () => {
    const response = await fetch(`${server.url}${PREFIX}/reset-all`, { method: "POST" });
    expect(response.status).toBe(401);
  });
});
