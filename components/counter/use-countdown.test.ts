import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { countdownAnnouncement, formatMmSs, secondsLeftAt } from "@/components/counter/use-countdown";
import { messagesOf } from "@/lib/i18n/messages";

const english = createTranslator({ locale: "en", messages: messagesOf("en") });
const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") });

describe("the OTP countdown", () => {
  it("shows mm:ss", () => {
    expect(formatMmSs(90)).toBe("01:30");
    expect(formatMmSs(9)).toBe("00:09");
    expect(formatMmSs(0)).toBe("00:00");
  });

  it("speaks to screen readers only at 60, 30 and 10 seconds, and at zero", () => {
    const spoken = Array.from({ length: 91 }, (_, s) => [s, countdownAnnouncement(s, english)] as const).filter(([, t]) => t !== null);
    expect(spoken.map(([s]) => s)).toEqual([0, 10, 30, 60]);
    expect(countdownAnnouncement(30, english)).toBe("30 seconds left to enter the OTP.");
    expect(countdownAnnouncement(60, english)).toBe("One minute left to enter the OTP.");
    expect(countdownAnnouncement(0, english)).toBe("The OTP has expired.");
    // In the agent's language, with the same marks.
    expect(countdownAnnouncement(10, hindi)).toBe("OTP लिखने के लिए 10 सेकंड बाकी हैं।");
    expect(countdownAnnouncement(45, hindi)).toBeNull();
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

