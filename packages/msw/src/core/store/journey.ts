import type { JourneyRun, JourneyRunStatus } from "@journey-runs/types";
import { isoTime, MAX_TIME_MS, type TimeInput, toEpochMs } from "../clock.js";
import { check, JourneyRunsMockError, shown } from "../errors.js";
import type { Random } from "../random.js";
import { checkRunId, checkStatus, checkUpdatedAfterCreated, type RuleBreak } from "../run-rules.js";
import { RunIndex, type StoredRun, wireJsonOf } from "./run-index.js";
import type { RunSchedule } from "./schedule.js";

/** A run to add: every field is optional. */
export interface RunInput {
  /** Default: 32 random hexadecimal characters from the store's seed. */
  runId?: string | undefined;
  /** Default: `SCHEDULED`, the state a run starts in. */
  status?: JourneyRunStatus | undefined;
  /** Default: the clock's now. */
  creationTime?: TimeInput | undefined;
  /** Default: `creationTime`. */
  lastUpdateTime?: TimeInput | undefined;
}

/** A run whose lifecycle the clock drives: SCHEDULED now, RUNNING after `startsIn`, then its outcome after `runsFor`. */
export interface ScheduleInput {
  runId?: string | undefined;
  /** Milliseconds from now until the run starts. Default 0 (it starts at the next read). */
  startsIn?: number | undefined;
  /** Milliseconds the run stays RUNNING. Default 60 000. */
  runsFor?: number | undefined;
  /** How the run ends. Default `COMPLETED`. */
  outcome?: "COMPLETED" | "CANCELLED" | undefined;
}

/** Options of {@link JourneyHandle.addRuns}. */
export interface AddRunsOptions {
  /** The earliest creation time. Default: after the journey's last run, every run started and ended by the clock's now. */
  from?: TimeInput | undefined;
}

/** One journey of the store, with the calls that tests use to shape its runs. */
export interface JourneyHandle {
  readonly applicationId: string;
  readonly journeyId: string;
  /** The number of runs. */
  readonly size: number;
  /** Adds one run and returns it as the wire shows it. */
  addRun(input?: RunInput): JourneyRun;
  /**
   * Adds runs and returns them as the wire shows them, as a control's `addRuns` does: a number adds that many
   * finished runs (COMPLETED or CANCELLED) made from the store's seed, after the last run; a list adds those runs
   * (all checked before any is added).
   */
  addRuns(runs: number | readonly RunInput[], options?: AddRunsOptions): JourneyRun[];
  /** Adds a SCHEDULED run whose lifecycle follows the clock. */
  scheduleRun(input?: ScheduleInput): JourneyRun;
  /** Sets a run's status (any status) and its LastUpdateTime to now; cancels its planned lifecycle. */
  setRunStatus(runId: string, status: JourneyRunStatus): JourneyRun;
  /** SCHEDULED to RUNNING. */
  startRun(runId: string): JourneyRun;
  /** RUNNING to COMPLETED. */
  completeRun(runId: string): JourneyRun;
  /** SCHEDULED or RUNNING to CANCELLED. */
  cancelRun(runId: string): JourneyRun;
  /** Cancels every SCHEDULED or RUNNING run, as stopping a journey does; returns how many. */
  stop(): number;
  /** Removes a run; returns whether it existed. */
  removeRun(runId: string): boolean;
  /** Removes every run. */
  clear(): void;
  getRun(runId: string): JourneyRun | undefined;
  /** All runs, in the order pages return them. */
  runs(): JourneyRun[];
}

/** What a journey needs from its store: the clock, the seeded random source, the store's schedule and its room. */
export interface JourneyContext {
  now(): number;
  random(): Random;
  readonly schedule: RunSchedule;
  /**
   * Reserves room for `count` more runs of the store's own (throws LIMIT_EXCEEDED, before any run is made, when the
   * store's bound would be passed); `release` gives room back. Shared runs (`--data`) take no room until copied.
   */
  claim(count: number): void;
  release(count: number): void;
}

/** The field of a RunInput that a run rule names by its wire pointer. */
const INPUT_FIELD: Readonly<Record<string, string>> = {
  "": "runId",
  "/Status": "status",
  "/LastUpdateTime": "lastUpdateTime",
  "/CreationTime": "creationTime",
};

/** A broken run rule as INVALID_ARGUMENT, naming the RunInput field. */
const argumentBreak: RuleBreak = (at, expected, got) => {
  throw new JourneyRunsMockError(
    "INVALID_ARGUMENT",
    `${INPUT_FIELD[at] ?? at} must be ${expected}; got ${shown(got)}.`,
  );
};
const GAP_MS = [1_000, 600_000] as const;
const DURATION_MS = [5_000, 3_600_000] as const;

/** Formats a stored run as the contract's `JourneyRunResponse`. */
export function toWire(run: StoredRun): JourneyRun {
  return {
    CreationTime: isoTime(run.creationTime),
    LastUpdateTime: isoTime(run.lastUpdateTime),
    RunId: run.runId,
    Status: run.status,
  };
}

/** The run's `JourneyRunResponse` as JSON text, formatted once per change of the run. */
export function toWireJson(run: StoredRun): string {
  return wireJsonOf(run, formatWireJson);
}

const formatWireJson = (run: StoredRun): string => JSON.stringify(toWire(run));

/**
 * The journey behind a {@link JourneyHandle}: its runs and their arrival counter. Its index may be shared (the
 * `--data` runs, one copy for every tenant and every reset): it is then never changed, and the journey copies it
 * the first time it changes a run (copy on write), paying for the copy from its store's room.
 */
export class Journey implements JourneyHandle {
  #index = new RunIndex();
  #shared = false;
  #seq = 0;

  constructor(
    readonly applicationId: string,
    readonly journeyId: string,
    readonly context: JourneyContext,
  ) {}

  /** The runs, for reading: whoever changes them goes through the journey's methods, which copy a shared index. */
  get index(): RunIndex {
    return this.#index;
  }

  get size(): number {
    return this.#index.size;
  }

  /** Takes `index` as this journey's runs without copying it (it must never change: see the class comment). */
  share(index: RunIndex): void {
    this.clear();
    this.#index = index;
    this.#shared = true;
    this.#seq = index.size;
  }

  /** The index to change: a shared one is copied first (new run objects, so the shared ones never change). */
  #own(): RunIndex {
    if (!this.#shared) return this.#index;
    const shared = this.#index;
    this.context.claim(shared.size);
    const runs: StoredRun[] = [];
    const byId = new Map<string, StoredRun>();
    for (const run of shared.all()) {
      const copy: StoredRun = {
        runId: run.runId,
        creationTime: run.creationTime,
        seq: run.seq,
        lastUpdateTime: run.lastUpdateTime,
        status: run.status,
        version: 0,
      };
      runs.push(copy);
      byId.set(copy.runId, copy);
    }
    this.#index = new RunIndex();
    this.#index.adopt(runs, byId);
    this.#shared = false;
    return this.#index;
  }

  addRun(input: RunInput = {}): JourneyRun {
    const run = this.#stored(input);
    const index = this.#own();
    this.context.claim(1);
    index.insert(run);
    this.#seq++;
    return toWire(run);
  }

  /** Checks a run to add against the run rules and makes it (with the next arrival number), without adding it. */
  #stored(input: RunInput, offset = 0): StoredRun {
    check(typeof input === "object" && input !== null, "A run to add must be an object (or nothing).");
    const runId = checkRunId(input.runId ?? this.#freshId(), argumentBreak);
    if (this.#index.get(runId)) {
      throw new JourneyRunsMockError("DUPLICATE_RUN", `Journey ${this.journeyId} already has a run ${runId}.`);
    }
    const status = checkStatus(input.status ?? "SCHEDULED", argumentBreak, "/Status");
    const creationTime =
      input.creationTime === undefined ? this.context.now() : toEpochMs(input.creationTime, "creationTime");
    const lastUpdateTime =
      input.lastUpdateTime === undefined ? creationTime : toEpochMs(input.lastUpdateTime, "lastUpdateTime");
    checkUpdatedAfterCreated(creationTime, lastUpdateTime, argumentBreak, input.lastUpdateTime);
    return { runId, creationTime, seq: this.#seq + offset, lastUpdateTime, status, version: 0 };
  }

  addRuns(runs: number | readonly RunInput[], options: AddRunsOptions = {}): JourneyRun[] {
    if (typeof runs !== "number") {
      check(Array.isArray(runs), "addRuns takes a whole number of runs, or a list of runs to add.");
      return this.#addList(runs);
    }
    return this.addGenerated(runs, options).map(toWire);
  }

  /** Adds many runs, all checked before any is added; O(n log n) however their times are ordered. */
  #addList(inputs: readonly RunInput[]): JourneyRun[] {
    const seen = new Set<string>();
    const runs = inputs.map((input, i) => {
      const run = this.#stored(input, i);
      if (seen.has(run.runId)) {
        throw new JourneyRunsMockError("DUPLICATE_RUN", `The runs to add name run ${run.runId} twice.`);
      }
      seen.add(run.runId);
      return run;
    });
    const index = this.#own();
    this.context.claim(runs.length);
    index.insertMany(runs);
    this.#seq += runs.length;
    return runs.map(toWire);
  }

  /**
   * Replaces every run with `runs`: new, checked, in page order, numbered by `seq` from 0 (a loaded state). With
   * `byId` (the same runs by id) both are taken over as they are.
   */
  load(runs: readonly StoredRun[], byId?: Map<string, StoredRun>): void {
    this.clear();
    this.context.claim(runs.length);
    if (byId === undefined) this.#index.insertMany(runs);
    else this.#index.adopt(runs as StoredRun[], byId);
    this.#seq = runs.length;
  }

  /**
   * Adds `count` finished runs from the seed without formatting them (a scene's or a server's `runs`), and returns
   * them. Without `from` they lie between the journey's last run and the clock's now, every start and end at or
   * before now (a finished run cannot end in the future); with `from` they start there and go forward.
   */
  addGenerated(count: number, options: AddRunsOptions = {}): StoredRun[] {
    check(Number.isSafeInteger(count) && count >= 0, `addRuns(count) takes a whole number >= 0; got ${count}.`);
    const from = options.from === undefined ? undefined : toEpochMs(options.from, "from");
    if (from !== undefined) {
      // Every bound is checked before the first run is made: room for the times, then room in the store.
      const latest = from + count * (GAP_MS[1] + DURATION_MS[1]);
      check(
        latest <= MAX_TIME_MS,
        `addRuns(${count}) after ${new Date(from).toISOString()} would make times past the last valid time (+275760-09-13); add runs from an earlier time.`,
      );
    }
    const index = this.#own();
    this.context.claim(count);
    const random = this.context.random();
    // The seed's draws, in their order: the time since the previous start, the outcome, how long the run ran.
    const drawn: { start: number; duration: number; status: JourneyRunStatus }[] = [];
    let offset = 0;
    let span = 0;
    for (let i = 0; i < count; i++) {
      offset += random.int(GAP_MS[0], GAP_MS[1]);
      const status: JourneyRunStatus = random.next() < 0.9 ? "COMPLETED" : "CANCELLED";
      const duration = random.int(DURATION_MS[0], DURATION_MS[1]);
      drawn.push({ start: offset, duration, status });
      span = Math.max(span, offset + duration);
    }
    const [origin, scale] = from === undefined ? this.#beforeNow(span) : [from, 1];
    const made = drawn.map(({ start, duration, status }): StoredRun => {
      const creationTime = origin + Math.floor(start * scale);
      return {
        runId: this.#freshId(),
        creationTime,
        seq: this.#seq++,
        lastUpdateTime: creationTime + Math.floor(duration * scale),
        status,
        version: 0,
      };
    });
    for (const run of made) index.insert(run);
    return made;
  }

  /**
   * Where generated runs of `span` ms start, and how much their times shrink, so that they end by the clock's now
   * and, when the journey's last run is not in the future, start at or after it (they come after it in page order).
   */
  #beforeNow(span: number): [origin: number, scale: number] {
    const now = this.context.now();
    const last = this.#index.last();
    const floor = last !== undefined && last.creationTime <= now ? last.creationTime : 0;
    if (span === 0 || now - span >= floor) return [now - span, 1];
    return [floor, Math.max(0, now - floor) / span];
  }

  scheduleRun(input: ScheduleInput = {}): JourneyRun {
    const { startsIn = 0, runsFor = 60_000, outcome = "COMPLETED" } = input;
    check(Number.isFinite(startsIn) && startsIn >= 0, `startsIn must be milliseconds >= 0; got ${startsIn}.`);
    check(Number.isFinite(runsFor) && runsFor >= 0, `runsFor must be milliseconds >= 0; got ${runsFor}.`);
    check(
      outcome === "COMPLETED" || outcome === "CANCELLED",
      `outcome must be COMPLETED or CANCELLED; got ${outcome}.`,
    );
    check(
      this.context.now() + startsIn + runsFor <= MAX_TIME_MS,
      "startsIn + runsFor from now passes the last valid time (+275760-09-13); schedule the run sooner or shorter.",
    );
    const wire = this.addRun(input.runId === undefined ? {} : { runId: input.runId });
    const run = this.#index.get(wire.RunId) as StoredRun;
    const start = run.creationTime + startsIn;
    this.context.schedule.plan(this.#index, run, [
      { at: start, status: "RUNNING" },
      { at: start + runsFor, status: outcome },
    ]);
    return wire;
  }

  setRunStatus(runId: string, status: JourneyRunStatus): JourneyRun {
    checkStatus(status, argumentBreak, "/Status");
    const run = this.#run(runId);
    this.#index.update(run, status, Math.max(run.creationTime, this.context.now()));
    return toWire(run);
  }

  startRun(runId: string): JourneyRun {
    return this.#transition(runId, ["SCHEDULED"], "RUNNING");
  }

  completeRun(runId: string): JourneyRun {
    return this.#transition(runId, ["RUNNING"], "COMPLETED");
  }

  cancelRun(runId: string): JourneyRun {
    return this.#transition(runId, ["SCHEDULED", "RUNNING"], "CANCELLED");
  }

  stop(): number {
    this.context.schedule.settle();
    let cancelled = 0;
    for (const run of this.#index.all()) {
      if (run.status === "SCHEDULED" || run.status === "RUNNING") {
        this.setRunStatus(run.runId, "CANCELLED");
        cancelled++;
      }
    }
    return cancelled;
  }

  removeRun(runId: string): boolean {
    if (this.#index.get(runId) === undefined) return false;
    this.#own().remove(runId);
    this.context.release(1);
    return true;
  }

  clear(): void {
    if (this.#shared) {
      // Shared runs are never changed (nor counted): let go of them.
      this.#index = new RunIndex();
      this.#shared = false;
      return;
    }
    this.context.release(this.#index.size);
    this.#index.clear();
  }

  getRun(runId: string): JourneyRun | undefined {
    this.context.schedule.settle();
    const run = this.#index.get(runId);
    return run && toWire(run);
  }

  runs(): JourneyRun[] {
    this.context.schedule.settle();
    return this.#index.all().map(toWire);
  }

  /** A run to change (the journey's own copy when its runs were shared). */
  #run(runId: string): StoredRun {
    this.context.schedule.settle();
    if (this.#index.get(runId) !== undefined) this.#own();
    const run = this.#index.get(runId);
    if (!run) {
      throw new JourneyRunsMockError("UNKNOWN_RUN", `Journey ${this.journeyId} has no run ${runId}; add it first.`);
    }
    return run;
  }

  #transition(runId: string, from: JourneyRunStatus[], to: JourneyRunStatus): JourneyRun {
    const run = this.#run(runId);
    if (!from.includes(run.status)) {
      throw new JourneyRunsMockError(
        "INVALID_TRANSITION",
        `Run ${runId} is ${run.status}; only a ${from.join(" or ")} run can become ${to}. Use setRunStatus to force it.`,
        `Run ${runId} is ${run.status}; only a ${from.join(" or ")} run can become ${to}. Force it with PUT /_journey-runs-mock/apps/${encodeURIComponent(this.applicationId)}/journeys/${encodeURIComponent(this.journeyId)}/runs/${encodeURIComponent(runId)}/status.`,
      );
    }
    return this.setRunStatus(runId, to);
  }

  #freshId(): string {
    const random = this.context.random();
    let id = random.hex(32);
    while (this.#index.get(id)) id = random.hex(32);
    return id;
  }
}
