import { describe, expect, it } from "vitest";
import { dayLabel, dayRange, daySchema, indiaDay, indiaMidnight, parseDay, showDay } from "@/lib/days";

describe("India's calendar days", () => {
  it("reads a day typed as DD/MM/YYYY (with / . or -, with or without leading zeros) and a link's yyyy-MM-dd", () => {
    expect(parseDay("12/04/1985")).toBe("1985-04-12");
    expect(parseDay(" 2/12/2026 ")).toBe("2026-12-02");
    expect(parseDay("02.12.2026")).toBe("2026-12-02");
    expect(parseDay("02-12-2026")).toBe("2026-12-02");
    expect(parseDay("2026-12-02")).toBe("2026-12-02");
  });

  it("refuses what is not a day of the calendar, or not in that order", () => {
    for (const text of ["31/02/2026", "00/12/2026", "12/13/2026", "2026-02-31", "2026-13-01", "12/04/85", "1985/04/12", "tomorrow", ""]) {
      expect(parseDay(text), text).toBeNull();
    }
  });

  it("shows a day as DD/MM/YYYY in boxes and in words in sentences", () => {
    expect(showDay("1985-04-12")).toBe("12/04/1985");
    expect(showDay("12/04/1985")).toBe("12/04/1985");
    expect(dayLabel("2026-12-02")).toBe("2 Dec 2026");
  });

  it("gives the schema's output as yyyy-MM-dd, and its message for what it cannot read", () => {
    const schema = daySchema("Write the day as DD/MM/YYYY.");
    expect(schema.parse("31/01/1990")).toBe("1990-01-31");
    expect(schema.safeParse("01/31/1990").error?.issues[0]?.message).toBe("Write the day as DD/MM/YYYY.");
  });

  it("starts a day at midnight in India, whatever the server's zone", () => {
    expect(indiaMidnight("2024-10-01").toISOString()).toBe("2024-09-30T18:30:00.000Z");
    expect(indiaDay(new Date("2024-09-30T18:29:59.999Z"))).toBe("2024-09-30");
    expect(indiaDay(new Date("2024-09-30T18:30:00.000Z"))).toBe("2024-10-01");
    expect(dayRange("2026-12-01", "2026-12-02")).toEqual({ start: new Date("2026-11-30T18:30:00.000Z"), end: new Date("2026-12-02T18:30:00.000Z") });
  });
});
