import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/reconciliation/csv";
import { parseReconciliationFilters } from "@/lib/reconciliation/period";
import { parseStatementDate } from "@/lib/reconciliation/statement-parse";

describe("the statement's CSV reader", () => {
  it("reads plain records ending in LF or CRLF, with their line numbers", () => {
    expect(readCsv("a,b,c\r\n1,2,3\n4,,6\n")).toEqual({
      records: [
        { line: 1, fields: ["a", "b", "c"] },
        { line: 2, fields: ["1", "2", "3"] },
        { line: 3, fields: ["4", "", "6"] },
      ],
      errors: [],
    });
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields, and counts the lines they span", () => {
    const { records, errors } = readCsv('reference,note\n"123","Paid, ""in full""\nsecond line"\n456,x');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["reference", "note"] },
      { line: 2, fields: ["123", 'Paid, "in full"\nsecond line'] },
      { line: 4, fields: ["456", "x"] },
    ]);
  });

  it("keeps a last empty field after a trailing comma", () => {
    expect(readCsv("1,2,").records).toEqual([{ line: 1, fields: ["1", "2", ""] }]);
  });

  it("reports a stray quote and an unterminated quote by line, and leaves those records out", () => {
    const stray = readCsv('a,b\n1,2"3\n4,5');
    expect(stray.records.map((r) => r.line)).toEqual([1, 3]);
    expect(stray.errors).toEqual([{ line: 2, message: "reconciliation.import.csv.strayQuote" }]);
    const open = readCsv('a,b\n1,"never closed\n4,5');
    expect(open.records.map((r) => r.line)).toEqual([1]);
    expect(open.errors).toEqual([{ line: 2, message: "reconciliation.import.csv.unclosedQuote" }]);
  });
});

describe("statement dates", () => {
  it("are DD-MM-YYYY HH:mm:ss India time, and belong to India's day", () => {
    expect(parseStatementDate("20-11-2026 00:10:00")).toEqual({ at: new Date("2026-11-19T18:40:00Z"), day: "2026-11-20" });
    expect(parseStatementDate("31-12-2026 23:59:59")).toEqual({ at: new Date("2026-12-31T18:29:59Z"), day: "2026-12-31" });
  });

  it("must be real dates and times in that exact form", () => {
    for (const bad of ["31-11-2026 10:00:00", "29-02-2026 10:00:00", "20-11-2026 24:00:00", "2026-11-20 10:00:00", "20/11/2026 10:00:00", "20-11-2026 10:00", "20-11-2026"]) {
      expect(parseStatementDate(bad), bad).toBeNull();
    }
  });
});

describe("the reconciliation view's filters", () => {
  const now = new Date("2026-11-22T20:00:00Z"); // 23 Nov, 01:30 in India

  it("default to today in India, one day", () => {
    expect(parseReconciliationFilters({}, now).filters).toEqual({ day: "2026-11-23", span: "day", from: "2026-11-23", to: "2026-11-23", outlet: undefined, agent: undefined });
  });

  it("cover the day's whole month, and drop what they do not understand", () => {
    const { filters, problems } = parseReconciliationFilters({ day: "2026-02-14", span: "month", outlet: "not-a-uuid" }, now);
    expect(filters).toMatchObject({ day: "2026-02-14", span: "month", from: "2026-02-01", to: "2026-02-28", outlet: undefined });
    expect(problems).toEqual(["outlet"]);
  });
});
