import { describe, expect, it } from "vitest";
import { statusBars } from "./chart-data.js";

const runs = (...statuses: string[]) => statuses.map((Status) => ({ Status }));

describe("statusBars", () => {
  it("has one bar per contract status, in lifecycle order, even with no runs", () => {
    expect(statusBars([])).toEqual([
      { status: "SCHEDULED", count: 0, percent: 0, width: 0 },
      { status: "RUNNING", count: 0, percent: 0, width: 0 },
      { status: "COMPLETED", count: 0, percent: 0, width: 0 },
      { status: "CANCELLED", count: 0, percent: 0, width: 0 },
    ]);
  });

  it("counts the AWS example: one completed, one scheduled", () => {
    const bars = statusBars(runs("COMPLETED", "SCHEDULED"));
    expect(bars.map(({ status, count, percent, width }) => [status, count, percent, width])).toEqual([
      ["SCHEDULED", 1, 50, 100],
      ["RUNNING", 0, 0, 0],
      ["COMPLETED", 1, 50, 100],
      ["CANCELLED", 0, 0, 0],
    ]);
  });

  it("scales widths to the longest bar and rounds shares", () => {
    const bars = statusBars(runs("COMPLETED", "COMPLETED", "CANCELLED"));
    expect(bars.find((bar) => bar.status === "COMPLETED")).toEqual({
      status: "COMPLETED",
      count: 2,
      percent: 67,
      width: 100,
    });
    expect(bars.find((bar) => bar.status === "CANCELLED")).toEqual({
      status: "CANCELLED",
      count: 1,
      percent: 33,
      width: 50,
    });
  });

  it("keeps a status the contract does not know, after the known ones", () => {
    const bars = statusBars(runs("PAUSED", "COMPLETED"));
    expect(bars.map((bar) => bar.status)).toEqual(["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED", "PAUSED"]);
    expect(bars.at(-1)?.count).toBe(1);
  });

  it("adds up to the number of runs", () => {
    const statuses = Array.from(
      { length: 317 },
      (_, i) => ["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"][i % 4] ?? "",
    );
    const bars = statusBars(runs(...statuses));
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(317);
  });
});
