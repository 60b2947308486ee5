import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesOf } from "@/lib/i18n/messages";
import { fyLabel, parseQuarter, quarterDays, quarterLabel, quarterMonths, quarterOf, quarterRange, tds194hRate } from "@/lib/tds/quarter";

describe("India's financial-year quarters", () => {
  it("puts 31 March 23:59 IST in Q4 of the year before and 1 April 00:00 IST in Q1", () => {
    expect(quarterOf(new Date("2026-03-31T23:59:59.999+05:30"))).toEqual({ fy: 2025, quarter: 4 });
    expect(quarterOf(new Date("2026-04-01T00:00:00+05:30"))).toEqual({ fy: 2026, quarter: 1 });
    // 31 March 20:00 UTC is already 1 April in India.
    expect(quarterOf(new Date("2026-03-31T20:00:00Z"))).toEqual({ fy: 2026, quarter: 1 });
  });

  it("names each quarter's months, with January to March belonging to the year that started in April", () => {
    expect(quarterOf(new Date("2026-06-30T23:59:00+05:30"))).toEqual({ fy: 2026, quarter: 1 });
    expect(quarterOf(new Date("2026-07-01T00:00:00+05:30"))).toEqual({ fy: 2026, quarter: 2 });
    expect(quarterOf(new Date("2026-10-01T00:00:00+05:30"))).toEqual({ fy: 2026, quarter: 3 });
    expect(quarterOf(new Date("2026-12-31T23:59:00+05:30"))).toEqual({ fy: 2026, quarter: 3 });
    expect(quarterOf(new Date("2027-01-01T00:00:00+05:30"))).toEqual({ fy: 2026, quarter: 4 });
  });

  it("covers midnight to midnight in India", () => {
    expect(quarterRange({ fy: 2026, quarter: 3 })).toEqual({ start: new Date("2026-09-30T18:30:00Z"), end: new Date("2026-12-31T18:30:00Z") });
    expect(quarterRange({ fy: 2025, quarter: 4 })).toEqual({ start: new Date("2025-12-31T18:30:00Z"), end: new Date("2026-03-31T18:30:00Z") });
    expect(quarterRange({ fy: 2026, quarter: 1 })).toEqual({ start: new Date("2026-03-31T18:30:00Z"), end: new Date("2026-06-30T18:30:00Z") });
  });

  it("labels the year, the quarter, its days and its months", () => {
    expect(fyLabel(2026)).toBe("2026-27");
    expect(fyLabel(2099)).toBe("2099-00");
    const english = createTranslator({ locale: "en", messages: messagesOf("en") });
    expect(quarterLabel({ fy: 2026, quarter: 4 }, english)).toBe("FY 2026-27 Q4 (Jan–Mar 2027)");
    expect(quarterDays({ fy: 2025, quarter: 4 })).toEqual({ first: "01-01-2026", last: "31-03-2026" });
    expect(quarterMonths({ fy: 2026, quarter: 3 })).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(quarterMonths({ fy: 2026, quarter: 4 })).toEqual(["2027-01", "2027-02", "2027-03"]);
  });

  it("gives section 194H's 5% before 1 October 2024 and 2% from then", () => {
    expect(tds194hRate({ fy: 2024, quarter: 2 })).toBe("5%");
    expect(tds194hRate({ fy: 2024, quarter: 3 })).toBe("2%");
    expect(tds194hRate({ fy: 2026, quarter: 1 })).toBe("2%");
  });

  it("reads ?fy and ?q, and falls back to the current quarter on anything else", () => {
    const now = new Date("2026-11-22T10:00:00+05:30");
    expect(parseQuarter({}, now)).toEqual({ quarter: { fy: 2026, quarter: 3 }, problems: [] });
    expect(parseQuarter({ fy: "2025", q: "4" }, now)).toEqual({ quarter: { fy: 2025, quarter: 4 }, problems: [] });
    expect(parseQuarter({ fy: "26", q: "5" }, now)).toEqual({ quarter: { fy: 2026, quarter: 3 }, problems: ["fy", "q"] });
    expect(parseQuarter({ fy: "2030", q: "1" }, now).problems).toEqual(["fy"]);
  });
});
