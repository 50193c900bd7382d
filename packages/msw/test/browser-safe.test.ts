import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { reachableImports } from "./support/reachable-imports.js";

const dist = new URL("../dist/", import.meta.url);
/** Every bare module specifier reachable from a built entry (the shared helper of the control-entry test too). */
const reachable = (entry: string): Set<string> => new Set(reachableImports(entry));

describe("the main entry is browser-safe", () => {
  test("imports no Node built-in: only msw (and @journey-runs/types)", () => {
    const bare = [...reachable("index.js")];
    expect(bare).toContain("msw");
    expect(bare.filter((s) => s !== "msw" && s !== "@journey-runs/types")).toEqual([]);
  });

  test("the server entry does not need msw", () => {
    expect(reachable("server/index.js").has("msw")).toBe(false);
  });
});

describe("the core entry (@journey-runs/msw/core) works without msw", () => {
  test("nothing reachable from dist/core/index.js imports msw or a Node built-in", () => {
    const bare = [...reachable("core/index.js")];
    expect(bare.filter((s) => s !== "@journey-runs/types")).toEqual([]);
  });

  test("it loads and answers in a Node process where msw cannot be resolved (the main entry cannot)", () => {
    const hook = `export async function resolve(s, c, next) {
      if (s === "msw" || s.startsWith("msw/")) throw new Error("msw is not installed");
      return next(s, c);
    }`;
    const run = (entry: string): string =>
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { register } from "node:module";
           register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});
           try {
             const { createJourneyRunsFake } = await import(${JSON.stringify(new URL(entry, dist).href)});
             const result = await createJourneyRunsFake({ seed: 1 }).handle({
               method: "GET",
               path: "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs",
               query: "",
               headers: new Headers(),
             });
             console.log(result.status);
           } catch (error) { console.log(error.message); }`,
        ],
        { encoding: "utf8" },
      ).trim();
    expect(run("core/index.js")).toBe("200");
    expect(run("index.js")).toContain("msw is not installed");
  });
});
