import { describe, expect, it } from "vitest";
import { formatRunTime } from "./format-time.js";

describe("formatRunTime", () => {
  it("shows the time in the given zone and keeps the ISO text for the hover title", () => {
    expect(formatRunTime("2000-01-01T00:00:05.000Z", { locale: "en-GB", timeZone: "UTC" })).toEqual({
      label: "1 Jan 2000, 00:00:05",
      iso: "2000-01-01T00:00:05.000Z",
      valid: true,
    });
  });

  it("converts to local time: the same instant reads differently in Tokyo and New York", () => {
    const iso = "2000-01-01T00:00:10.000Z";
    expect(formatRunTime(iso, { locale: "en-GB", timeZone: "Asia/Tokyo" }).label).toBe("1 Jan 2000, 09:00:10");
    expect(formatRunTime(iso, { locale: "en-GB", timeZone: "America/New_York" }).label).toBe("31 Dec 1999, 19:00:10");
  });

  it("accepts an ISO time with an offset", () => {
    expect(formatRunTime("2024-06-30T23:30:00+02:00", { locale: "en-GB", timeZone: "UTC" }).label).toBe(
      "30 Jun 2024, 21:30:00",
    );
  });

  it("shows a value that is not a time as it came, marked invalid, never as Invalid Date", () => {
    expect(formatRunTime("yesterday", { locale: "en-GB", timeZone: "UTC" })).toEqual({
      label: "yesterday",
      iso: "yesterday",
      valid: false,
    });
  });
});
