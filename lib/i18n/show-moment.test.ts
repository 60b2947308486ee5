import { describe, expect, it } from "vitest";
import { format } from "date-fns";
import { amountText, formatIst, inIndia, rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";

describe("moments and money as each language's reader reads them", () => {
  const at = new Date("2026-12-02T08:35:00Z"); // 14:05 in India

  it("writes a moment in India time: English as before, Hindi with the month in Hindi", () => {
    expect(showMoment(at, "en")).toBe("02 Dec 2026, 14:05 IST");
    expect(showMoment(at, "hi")).toBe("2 दिसंबर 2026, 14:05 IST");
    expect(showMoment(at, "hi", "date")).toBe("2 दिसंबर 2026");
    expect(showMoment(at, "hi", "time")).toBe("14:05 IST");
    expect(showMoment(at, "en", "shortDateTime")).toBe("02 Dec, 14:05 IST");
    expect(showMoment(at, "en", "date")).toBe("02 Dec 2026");
    // English months as formatIst writes them, every one of them.
    for (let month = 0; month < 12; month++) {
      const day = new Date(Date.UTC(2026, month, 15, 3, 0));
      expect(showMoment(day, "en")).toBe(formatIst(day));
      expect(showMoment(day, "en", "month")).toBe(format(inIndia(day), "MMMM yyyy"));
      expect(showMoment(new Date(day.getTime() + 9_000), "en", "dateTimeSeconds")).toBe(formatIst(new Date(day.getTime() + 9_000), "dd MMM yyyy, HH:mm:ss"));
    }
    expect(showMoment(at, "hi", "month")).toBe("दिसंबर 2026");
    expect(showMoment(new Date("2026-12-02T08:35:09Z"), "hi", "dateTimeSeconds")).toBe("2 दिसंबर 2026, 14:05:09 IST");
    // The month of an India-time moment: 31 Dec, 20:00 UTC is already January in India.
    expect(showMoment(new Date("2026-12-31T20:00:00Z"), "en", "month")).toBe("January 2027");
    // Just before midnight UTC is already the next day in India.
    expect(showMoment(new Date("2026-12-02T19:00:00Z"), "hi", "date")).toBe("3 दिसंबर 2026");
  });

  it("groups amounts the Indian way with Latin digits in every language", () => {
    expect(amountText(125000)).toBe("1,25,000.00");
    expect(rupees("12345678.5")).toBe("Rs 1,23,45,678.50");
  });
});
