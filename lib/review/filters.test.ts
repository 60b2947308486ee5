import { describe, expect, it } from "vitest";
import { maxRangeDays, parseFilters } from "@/lib/review/filters";

describe("the review's date range", () => {
  const now = new Date("2026-12-02T06:00:00Z");

  it("reads at most 92 days: a longer range keeps its last 92 days and says so", () => {
    const { filters, problems } = parseFilters({ from: "2020-01-01", to: "2026-12-01" }, now);
    expect(maxRangeDays).toBe(92);
    expect([filters.from, filters.to]).toEqual(["2026-09-01", "2026-12-01"]);
    expect(problems).toEqual(["range"]);
  });

  it("keeps a range of exactly 92 days as it is", () => {
    const { filters, problems } = parseFilters({ from: "2026-09-01", to: "2026-12-01" }, now);
    expect([filters.from, filters.to, problems]).toEqual(["2026-09-01", "2026-12-01", []]);
  });
});
