import { describe, expect, test } from "vitest";
import { matchRunsPath } from "./route.js";

describe("matchRunsPath", () => {
  test.each([
    ["/v1/apps/a/journeys/j/runs", { "application-id": "a", "journey-id": "j" }],
    ["/v1/apps/a%2Fb/journeys/j%20k/runs", { "application-id": "a/b", "journey-id": "j k" }],
    ["/v1/apps/%21%27%28%29%2A/journeys/%E2%9C%93/runs", { "application-id": "!'()*", "journey-id": "✓" }],
  ])("decodes the labels of %s once", (path, labels) => {
    expect(matchRunsPath(path)).toEqual({ kind: "runs", labels });
  });

  test.each([
    "/",
    "/v1/apps/a/journeys/j",
    "/v1/apps//journeys/j/runs",
    "/v1/apps/a/journeys/j/runs/",
    "/V1/apps/a/journeys/j/runs",
  ])("leaves %s to others", (path) => {
    expect(matchRunsPath(path)).toEqual({ kind: "other" });
  });

  test("names a label that is not valid percent-encoding", () => {
    expect(matchRunsPath("/v1/apps/a/journeys/%E2%9C/runs")).toEqual({ kind: "bad-label", label: "journey-id" });
  });
});
