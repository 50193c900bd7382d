import { expect, test } from "vitest";
import { reachableImports } from "./support/reachable-imports.js";

test("@journey-runs/msw/control is browser-safe: it imports openapi-fetch and nothing of Node or msw", () => {
  expect(reachableImports("control-client/index.js")).toEqual(["openapi-fetch"]);
});
