import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import type { CheckedState } from "../../core/state/checked-state.js";
import { type ParsedState, parseState } from "../../core/state/state.js";
import { createJourneyRunsStore, loadChecked } from "../../core/store/store.js";
import { readDataPaths } from "./data-files.js";

const scratch = mkdtempSync(join(tmpdir(), "journey-runs-data-state-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a store loaded from the checked data holds, as parseState would give it. */
const loaded = (checked: CheckedState): ParsedState => {
  const store = createJourneyRunsStore({ example: false });
  loadChecked(store, checked);
  return parseState(store.dump());
};
const outcome = (parse: () => ParsedState) => {
  try {
    const parsed = parse();
    return {
      now: parsed.now,
      applications: parsed.applications.map((app) => ({
        applicationId: app.applicationId,
        journeys: app.journeys.map((j) => ({ journeyId: j.journeyId, runs: j.runs })),
      })),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const time = fc
  .tuple(
    fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2020, 0, 3) }),
    fc.constantFrom("iso", "seconds", "offset", "long"),
  )
  .map(([ms, form]) => {
    const iso = new Date(ms).toISOString();
    if (form === "seconds") return `${iso.slice(0, 19)}Z`;
    if (form === "offset") return `${new Date(ms + 3_600_000).toISOString().slice(0, 23)}+01:00`;
    if (form === "long") return `${iso.slice(0, 23)}123456Z`;
    return iso;
  });
const run = fc.record({
  CreationTime: time,
  LastUpdateTime: time,
  RunId: fc.oneof(fc.constantFrom("a", "b", "c"), fc.string({ minLength: 1, maxLength: 4 })),
  Status: fc.constantFrom("SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"),
});
/** Pages of up to 3 journeys in 2 applications, and maybe a dump, with runs in and out of order. */
const folder = fc.record({
  pages: fc.array(
    fc.record({
      app: fc.constantFrom("a1", "a2"),
      journey: fc.constantFrom("j1", "j2"),
      runs: fc.array(run, { maxLength: 4 }),
    }),
    { maxLength: 4 },
  ),
  dump: fc.option(
    fc.record({ now: fc.oneof(time, fc.constant("Jan 1 2026 00:00 UTC")), runs: fc.array(run, { maxLength: 3 }) }),
    { nil: undefined },
  ),
});

/** The state that the folder stands for, written as one dump: what parseState must take or refuse as the loader does. */
function sameAsOneDump(
  pages: { app: string; journey: string; runs: unknown[] }[],
  dump?: { now: string; runs: unknown[] },
) {
  const journeys = new Map<string, unknown[]>();
  // The loader reads folders in name order (a1 before a2, j1 before j2), each journey's pages in file order.
  for (const key of ["a1/j1", "a1/j2", "a2/j1", "a2/j2"]) {
    pages.forEach((page) => {
      if (`${page.app}/${page.journey}` !== key) return;
      journeys.set(key, [...(journeys.get(key) ?? []), ...page.runs]);
    });
  }
  if (dump) journeys.set("a2/j3", dump.runs);
  const applications: { applicationId: string; journeys: { journeyId: string; runs: unknown[] }[] }[] = [];
  for (const [key, runs] of journeys) {
    const [applicationId, journeyId] = key.split("/") as [string, string];
    let app = applications.find((a) => a.applicationId === applicationId);
    if (!app) {
      app = { applicationId, journeys: [] };
      applications.push(app);
    }
    app.journeys.push({ journeyId, runs });
  }
  const now = dump?.now ?? "2026-01-01T00:00:00.000Z";
  return { format: "journey-runs-mock/state", version: 1, now, applications };
}

describe("the checked state of a data folder", () => {
  test("the loader refuses exactly the data parseState refuses, and its state parses as the same dump does", () => {
    let index = 0;
    let refused = 0;
    fc.assert(
      fc.property(folder, ({ pages, dump }) => {
        const dir = join(scratch, String(index++));
        mkdirSync(dir, { recursive: true });
        pages.forEach((page, i) => {
          mkdirSync(join(dir, page.app, page.journey), { recursive: true });
          writeFileSync(
            join(dir, page.app, page.journey, `page-${i}.json`),
            JSON.stringify({ JourneyRunsResponse: { Item: page.runs } }),
          );
        });
        if (dump) {
          const applications = [{ applicationId: "a2", journeys: [{ journeyId: "j3", runs: dump.runs }] }];
          writeFileSync(
            join(dir, "state.json"),
            JSON.stringify({ format: "journey-runs-mock/state", version: 1, now: dump.now, applications }),
          );
        }
        let checked: CheckedState | undefined;
        try {
          checked = readDataPaths([dir]);
        } catch {
          checked = undefined;
        }
        const reference = sameAsOneDump(pages, dump);
        if (checked) reference.now = new Date(checked.now).toISOString();
        const full = outcome(() => parseState(reference));
        expect(checked === undefined).toBe("error" in full);
        if (checked === undefined) {
          refused++;
          return;
        }
        const data = checked;
        expect(outcome(() => loaded(data))).toEqual(full);
      }),
      { numRuns: 300 },
    );
    // The generator reaches both sides: data refused (order, times, repeated ids) and data taken.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(300);
  });

  test("the first load takes the runs made while reading; a second load (reset, a tenant) gets its own", () => {
    const dir = join(scratch, "two-loads", "app", "journey");
    mkdirSync(dir, { recursive: true });
    const at = "2026-01-01T00:00:00.000Z";
    const Item = ["r1", "r2", "r3"].map((RunId) => ({
      CreationTime: at,
      LastUpdateTime: at,
      RunId,
      Status: "RUNNING",
    }));
    writeFileSync(join(dir, "page-1.json"), JSON.stringify({ JourneyRunsResponse: { Item } }));
    const checked = readDataPaths([join(scratch, "two-loads")]);
    const first = createJourneyRunsStore({ example: false });
    const second = createJourneyRunsStore({ example: false });
    loadChecked(first, checked);
    first.journey("app", "journey").cancelRun("r2");
    first.journey("app", "journey").removeRun("r3");
    loadChecked(second, checked);
    expect(
      second
        .journey("app", "journey")
        .runs()
        .map((r) => [r.RunId, r.Status]),
    ).toEqual([
      ["r1", "RUNNING"],
      ["r2", "RUNNING"],
      ["r3", "RUNNING"],
    ]);
    expect(
      first
        .journey("app", "journey")
        .runs()
        .map((r) => [r.RunId, r.Status]),
    ).toEqual([
      ["r1", "RUNNING"],
      ["r2", "CANCELLED"],
    ]);
  });
});
