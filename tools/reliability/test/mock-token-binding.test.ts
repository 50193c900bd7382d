import { createJourneyRunsStore } from "@journey-runs/msw";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProperty } from "./support/property.js";

// A NextToken is bound to its application and journey by construction. Once any token has been
// used (and cached), no other journey accepts it, nor any string made by moving characters between the journey id
// and the token, whatever characters the ids hold (separators, digits, colons, line breaks).

const idChar = fc.constantFrom("a", "b", "1", "2", ":", "\n", "|", "/", " ");
const id = fc.string({ unit: idChar, minLength: 1, maxLength: 6 });

describe("page tokens of the store", () => {
  it("are accepted only by the journey that issued them, even after the verified-token cache holds them", async () => {
    await checkProperty(
      fc.property(
        id,
        id,
        id,
        fc.boolean(),
        fc.option(fc.tuple(idChar, id)),
        (appA, appOther, journeyB, sameApp, extend) => {
          // Half the journeys share an application; some extend the other's id (j and j\nA), where joins collide.
          const appB = sameApp ? appA : appOther;
          const journeyA = extend ? `${journeyB}${extend[0]}${extend[1]}` : `${journeyB}${appOther}`;
          fc.pre(appA !== appB || journeyA !== journeyB);
          const store = createJourneyRunsStore({ seed: 1 });
          for (const [app, journey] of [
            [appA, journeyA],
            [appB, journeyB],
          ] as const) {
            store.addJourney(app, journey).addRuns(3);
          }
          const first = store.page(appA, journeyA, 1);
          const token = first.ok ? (JSON.parse(first.json).NextToken as string) : "";
          expect(token).not.toBe("");
          // Used once by its own journey: now it is in the verified-token cache.
          expect(store.page(appA, journeyA, 1, token).ok).toBe(true);
          const joined = `${journeyA}\n${token}`;
          const forgeries = [token, ...[...joined].map((_, i) => joined.slice(i + 1)).filter((t) => t.length > 0)];
          for (const forged of forgeries) {
            const page = store.page(appB, journeyB, 1, forged);
            expect(page.ok, `${JSON.stringify([appB, journeyB, forged])}`).toBe(false);
          }
        },
      ),
      300,
    );
  });

  it("refuses the reported example: journey j accepts no token made from journey j\\nA's token B", () => {
    const store = createJourneyRunsStore({ seed: 1 });
    store.addJourney("app", "j\nA").addRuns(3);
    store.addJourney("app", "j").addRuns(3);
    const page = store.page("app", "j\nA", 1);
    const token = page.ok ? (JSON.parse(page.json).NextToken as string) : "";
    expect(store.page("app", "j\nA", 1, token).ok).toBe(true);
    expect(store.page("app", "j", 1, `A\n${token}`).ok).toBe(false);
  });
});
