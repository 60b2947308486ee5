import { describe, expect, it } from "vitest";
import { countdownAnnouncement, formatMmSs, secondsLeftAt } from "@/components/counter/use-countdown";

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

  it("counts on the server's clock from the answer's arrival, never showing more than the OTP's lifetime", () => {
    const serverNow = "2026-12-02T10:00:00.000Z";
    const expiresAt = "2026-12-02T10:01:30.000Z";
    // The tablet's clock is 7 minutes behind the server's; the answer arrived at `received`.
    const received = Date.parse(serverNow) - 7 * 60_000;
    expect(secondsLeftAt(expiresAt, serverNow, received, received)).toBe(90);
    expect(secondsLeftAt(expiresAt, serverNow, received, received + 250)).toBe(90);
    expect(secondsLeftAt(expiresAt, serverNow, received, received + 1_000)).toBe(89);
    expect(secondsLeftAt(expiresAt, serverNow, received, received + 95_000)).toBe(0);
    // The screen's clock last ticked 12 s before the answer (a registration's e-KYC took that long).
    expect(secondsLeftAt(expiresAt, serverNow, received, received - 12_000)).toBe(90);
  });
});

