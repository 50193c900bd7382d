import { describe, expect, it } from "vitest";
import { checkId, EXAMPLE_APPLICATION_ID, EXAMPLE_JOURNEY_ID, parsePageSize, resolveSettings } from "./settings.js";

describe("resolveSettings", () => {
  it("uses the in-page fake and the AWS example when nothing is set", () => {
    expect(resolveSettings("", {})).toEqual({
      ok: true,
      settings: {
        source: { kind: "mock" },
        region: "us-east-1",
        applicationId: EXAMPLE_APPLICATION_ID,
        journeyId: EXAMPLE_JOURNEY_ID,
        pageSize: 25,
      },
    });
  });

  it.each([
    ["the query string", "?endpoint=http://127.0.0.1:4010/", {}, "http://127.0.0.1:4010"],
    [
      "the build variable",
      "",
      { VITE_JOURNEY_RUNS_ENDPOINT: "https://proxy.example.com/pinpoint/" },
      "https://proxy.example.com/pinpoint",
    ],
    [
      "the query string over the build variable",
      "?endpoint=http://127.0.0.1:4011",
      { VITE_JOURNEY_RUNS_ENDPOINT: "http://127.0.0.1:4010" },
      "http://127.0.0.1:4011",
    ],
  ])("reads the endpoint from %s", (_name, search, env, want) => {
    const result = resolveSettings(search, env);
    expect(result.ok && result.settings.source).toEqual({ kind: "endpoint", endpoint: want });
  });

  it("goes back to the fake with ?endpoint=mock even when the build variable names an endpoint", () => {
    const result = resolveSettings("?endpoint=mock", { VITE_JOURNEY_RUNS_ENDPOINT: "http://127.0.0.1:4010" });
    expect(result.ok && result.settings.source).toEqual({ kind: "mock" });
  });

  it("prefills the form from app, journey and pageSize", () => {
    const result = resolveSettings("?app=a%2Fb&journey=j%20k&pageSize=100&region=eu-west-1", {});
    expect(result.ok && result.settings).toMatchObject({
      applicationId: "a/b",
      journeyId: "j k",
      pageSize: 100,
      region: "eu-west-1",
    });
  });

  it.each([
    ["?endpoint=127.0.0.1:4010", "is not a URL: use one such as http://127.0.0.1:4010"],
    ["?endpoint=localhost:4010", "must start with http:// or https://"],
    ["?endpoint=not a url", "is not a URL"],
    ["?endpoint=ftp://example.com", "must start with http:// or https://"],
    ["?endpoint=http://user:secret@example.com", "must not contain a user name or password"],
    ["?region=Mars", "is not an AWS Region name"],
    ["?pageSize=0", "is not a whole number from 1 to 100"],
    ["?pageSize=101", "is not a whole number from 1 to 100"],
    ["?pageSize=2.5", "is not a whole number from 1 to 100"],
  ])("rejects %s and says what to change", (search, problem) => {
    const result = resolveSettings(search, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });

  it("never repeats a password given in the endpoint", () => {
    const result = resolveSettings("?endpoint=http://user:secret@example.com", {});
    expect(!result.ok && result.problem).not.toContain("secret");
  });
});

describe("parsePageSize", () => {
  it.each([
    ["1", 1],
    ["25", 25],
    [" 100 ", 100],
    ["0", undefined],
    ["101", undefined],
    ["-3", undefined],
    ["1e2", undefined],
    ["", undefined],
  ])("reads %j as %s", (text, want) => {
    expect(parsePageSize(text)).toBe(want);
  });
});

describe("checkId", () => {
  it("accepts 1 to 256 characters of anything", () => {
    expect(checkId("journey ID", "x")).toBeUndefined();
    expect(checkId("journey ID", "é/ ?#".repeat(51))).toBeUndefined();
  });

  it("asks for a missing id and names the limit of a long one", () => {
    expect(checkId("journey ID", "")).toBe("Enter the journey ID.");
    expect(checkId("journey ID", "x".repeat(257))).toBe(
      "The journey ID has 257 characters; the API accepts at most 256.",
    );
  });
});
