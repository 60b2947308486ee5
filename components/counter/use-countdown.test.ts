import { describe, expect, it } from "vitest";
import { countdownAnnouncement, formatMmSs } from "@/components/counter/use-countdown";

describe("the OTP countdown", () => {
  it("shows mm:ss", () => {
    expect(formatMmSs(90)).toBe("01:30");
    expect(formatMmSs(9)).toBe("00:09");
    expect(formatMmSs(0)).toBe("00:00");
  });

  it("speaks to screen readers only at 60, 30 and 10 seconds, and at zero", () => {
    const spoken = Array.from({ length: 91 }, (_, s) => [s, countdownAnnouncement(s)] as const).filter(([, t]) => t !== null);
    expect(spoken.map(([s]) => s)).toEqual([0, 10, 30, 60]);
    expect(countdownAnnouncement(30)).toBe("30 seconds left to enter the OTP.");
  });
});
