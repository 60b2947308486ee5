import { addHours, addMinutes, addSeconds } from "date-fns";
import { describe, expect, it } from "vitest";
import { nextCheck } from "@/lib/ledger/schedule";

describe("the status worker's schedule", () => {
  const submitted = new Date("2026-11-10T06:00:00Z");

  it("asks after 30 s, then 1, 2, 5, 15 minutes, then hourly", () => {
    let now = submitted;
    const gaps: number[] = [];
    for (let checks = 0; checks < 8; checks++) {
      const next = nextCheck(submitted, checks, now);
      if (!("at" in next)) throw new Error("flagged too early");
      gaps.push((next.at.getTime() - now.getTime()) / 1000);
      now = next.at;
    }
    expect(gaps).toEqual([30, 60, 120, 300, 900, 3600, 3600, 3600]);
  });

  it("makes a last check exactly three days after submission, then flags the part for review", () => {
    const nearlyThreeDays = addMinutes(addHours(submitted, 71), 30);
    expect(nextCheck(submitted, 40, nearlyThreeDays)).toEqual({ at: addHours(submitted, 72) });
    expect(nextCheck(submitted, 41, addHours(submitted, 72))).toEqual({ review: true });
    expect(nextCheck(submitted, 41, addSeconds(addHours(submitted, 72), -1))).toEqual({ at: addHours(submitted, 72) });
  });
});
