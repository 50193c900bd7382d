import { createJourneyRunsClient, type JourneyRunsError, type JourneyRunsResponse } from "@journey-runs/client";
import { createJourneyRunsMock, type JourneyHandle, type JourneyRunsMock } from "@journey-runs/msw";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProperty } from "./support/property.js";

type Status = "SCHEDULED" | "RUNNING" | "COMPLETED" | "CANCELLED";
const STATUSES: Status[] = ["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"];
const T0 = Date.parse("2025-06-01T00:00:00.000Z");
const APP = "reliability-app";

/** What the model knows of one run: enough to predict its place and how a page shows it. */
interface ModelRun {
  runId: string;
  creationTime: number;
  seq: number;
  status: Status;
}

/** The journey as the model sees it, and where the paginator in progress stands. */
interface Model {
  runs: ModelRun[];
  nextSeq: number;
  pageSize: number;
  /** The last run the traversal in progress delivered; `undefined` before its first page. */
  cursor: ModelRun | undefined;
  /** The last page had no NextToken: the next `next()` must end the traversal. */
  finished: boolean;
  /** Runs delivered by the traversal in progress, to check that none comes twice. */
  delivered: Set<string>;
  /** Failures queued on the fake (429, 500, dropped connections) that the next requests will meet. */
  pendingFailures: number;
}

interface Real {
  journey: JourneyHandle;
  mock: JourneyRunsMock;
  pages: AsyncGenerator<JourneyRunsResponse, void> | undefined;
  open: () => AsyncGenerator<JourneyRunsResponse, void>;
}

const order = (a: ModelRun, b: ModelRun) => a.creationTime - b.creationTime || a.seq - b.seq;
const after = (model: Model): ModelRun[] => {
  const sorted = [...model.runs].sort(order);
  return model.cursor ? sorted.filter((run) => order(run, model.cursor as ModelRun) > 0) : sorted;
};
const wire = (run: ModelRun) => ({
  RunId: run.runId,
  CreationTime: new Date(run.creationTime).toISOString(),
  Status: run.status,
});

/** Takes the next page from the client's paginator and checks it against the model's prediction. */
class NextPage implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    real.pages ??= real.open();
    if (model.finished) {
      const result = await real.pages.next();
      expect(result.done, "the paginator ends after a page without NextToken").toBe(true);
      Object.assign(model, { cursor: undefined, finished: false, delivered: new Set() });
      real.pages = undefined;
      return;
    }
    const attempt = await real.pages.next().then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    if (model.pendingFailures >= MAX_ATTEMPTS) {
      // More failures in a row than attempts: the paginator throws the last one, and that traversal is over.
      model.pendingFailures -= MAX_ATTEMPTS;
      expect(attempt.error, "the paginator gives up after maxAttempts failures").toBeDefined();
      expect((attempt.error as JourneyRunsError).retryable).toBe(true);
      Object.assign(model, { cursor: undefined, finished: false, delivered: new Set() });
      real.pages = undefined;
      return;
    }
    model.pendingFailures = 0;
    expect(attempt.error, "failures fewer than maxAttempts are retried away").toBeUndefined();
    const result = attempt.result as IteratorResult<JourneyRunsResponse, void>;
    expect(result.done).toBe(false);
    const page = result.value as JourneyRunsResponse;
    const rest = after(model);
    const expected = rest.slice(0, model.pageSize);
    expect(page.Item.map(({ RunId, CreationTime, Status }) => ({ RunId, CreationTime, Status }))).toEqual(
      expected.map(wire),
    );
    for (const run of page.Item) {
      expect(model.delivered.has(run.RunId), `${run.RunId} delivered twice`).toBe(false);
      model.delivered.add(run.RunId);
    }
    expect(page.NextToken !== undefined).toBe(rest.length > model.pageSize);
    model.cursor = expected.at(-1) ?? model.cursor;
    model.finished = page.NextToken === undefined;
  }
  toString = () => "nextPage";
}

/** Adds a run while pages are being read: at the end, before everything, or tied with the cursor's creation time. */
class AddRun implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly where: "end" | "past" | "cursor-tie",
    readonly status: Status,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const times = model.runs.map((run) => run.creationTime);
    const creationTime =
      this.where === "end"
        ? Math.max(T0, ...times) + 1_000
        : this.where === "past"
          ? Math.min(T0, ...times) - 1_000
          : (model.cursor?.creationTime ?? T0);
    const run: ModelRun = { runId: `added-${model.nextSeq}`, creationTime, seq: model.nextSeq++, status: this.status };
    real.journey.addRun({ runId: run.runId, creationTime, status: this.status });
    model.runs.push(run);
  }
  toString = () => `addRun(${this.where}, ${this.status})`;
}

/** Changes the status of a run: pages must show the current status, in the same place. */
class SetStatus implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly status: Status,
  ) {}
  check = (model: Readonly<Model>) => model.runs.length > 0;
  async run(model: Model, real: Real) {
    const run = model.runs[this.pick % model.runs.length] as ModelRun;
    real.journey.setRunStatus(run.runId, this.status);
    run.status = this.status;
  }
  toString = () => `setStatus(#${this.pick}, ${this.status})`;
}

/**
 * Queues failures on the fake before the next page: throttling, a server error or a dropped connection, each for the
 * next `times` *requests* (scope "request"), so that fewer than maxAttempts of them are retried away.
 */
class FailNext implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: 429 | 500 | "network",
    readonly times: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    if (this.kind === "network") real.mock.networkErrorNext({ times: this.times, scope: "request" });
    else real.mock.failNext(this.kind, { times: this.times, scope: "request" });
    model.pendingFailures += this.times;
  }
  toString = () => `failNext(${this.kind} x${this.times})`;
}

const status = fc.constantFrom(...STATUSES);
const commands = fc.commands(
  [
    fc.constant(new NextPage()),
    fc.constant(new NextPage()),
    fc
      .tuple(fc.constantFrom("end", "past", "cursor-tie") as fc.Arbitrary<AddRun["where"]>, status)
      .map(([where, s]) => new AddRun(where, s)),
    fc.tuple(fc.nat(), status).map(([pick, s]) => new SetStatus(pick, s)),
    fc
      .tuple(fc.constantFrom(429 as const, 500 as const, "network" as const), fc.integer({ min: 1, max: 2 }))
      .map(([kind, times]) => new FailNext(kind, times)),
  ],
  { maxCommands: 40 },
);

const mock = createJourneyRunsMock({ seed: 3 });
const msw = setupServer(...mock.handlers);
const MAX_ATTEMPTS = 3;
// No jitter wait and no quota: retries happen at once, and a long run of commands never drains the bucket.
const client = createJourneyRunsClient({
  region: "us-east-1",
  retry: { maxAttempts: MAX_ATTEMPTS, random: () => 0, quota: false },
});
let journeys = 0;

beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
afterAll(() => msw.close());

describe("pagination through the client and the MSW fake (model-based)", () => {
  it("returns every run exactly once and in order, for random journey sizes and page sizes, while runs are added, change status and requests fail between pages", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), status), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        commands,
        async (initial, pageSize, cmds) => {
          const journeyId = `journey-${journeys++}`;
          const journey = mock.store.addJourney(APP, journeyId);
          const model: Model = {
            runs: [],
            nextSeq: 0,
            pageSize,
            cursor: undefined,
            finished: false,
            delivered: new Set(),
            pendingFailures: 0,
          };
          for (const [minutes, s] of initial) {
            const run = {
              runId: `run-${model.nextSeq}`,
              creationTime: T0 + minutes * 60_000,
              seq: model.nextSeq++,
              status: s,
            };
            journey.addRun({ runId: run.runId, creationTime: run.creationTime, status: s });
            model.runs.push(run);
          }
          const real: Real = {
            journey,
            mock,
            pages: undefined,
            open: () => client.paginateJourneyRuns({ applicationId: APP, journeyId, pageSize }),
          };
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          await real.pages?.return();
          mock.clearFaults();
          mock.store.removeJourney(APP, journeyId);
        },
      ),
      150,
    );
  });

  it("iterates every run of a journey once and in order, for random journey sizes and page sizes", async () => {
    await checkProperty(
      fc.asyncProperty(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 100 }), async (size, pageSize) => {
        const journeyId = `journey-${journeys++}`;
        const journey = mock.store.addJourney(APP, journeyId);
        journey.addRuns(size);
        const seen: string[] = [];
        for await (const run of client.iterateJourneyRuns({ applicationId: APP, journeyId, pageSize })) {
          seen.push(run.RunId);
        }
        expect(seen).toEqual(journey.runs().map((run) => run.RunId));
        expect(new Set(seen).size).toBe(size);
        mock.store.removeJourney(APP, journeyId);
      }),
      60,
    );
  });
});
