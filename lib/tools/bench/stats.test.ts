import { describe, expect, it } from "vitest";
import { percentile, summarize } from "@/lib/tools/bench/stats";

describe("benchmark percentiles", () => {
  it("takes the nearest rank", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarizes unsorted samples", () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ runs: 4, p50: 20, p95: 40, p99: 40, max: 40 });
  });
});
