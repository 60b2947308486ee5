/**
 * India's financial-year quarters, in India time. FY 2026-27 runs from 1 Apr 2026 to 31 Mar 2027:
 * Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar (of the next calendar year). A financial year is
 * named here by the calendar year it starts in (2026 for FY 2026-27).
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { indiaTimeZone } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n/message-key";

export const quarters = [1, 2, 3, 4] as const;
export type QuarterNumber = (typeof quarters)[number];

export interface FiscalQuarter {
  /** The calendar year the financial year starts in: 2026 for FY 2026-27. */
  fy: number;
  quarter: QuarterNumber;
}

/** The first month (0-based, of the given calendar year) of a quarter. */
function firstMonth({ fy, quarter }: FiscalQuarter): { year: number; month: number } {
  return quarter === 4 ? { year: fy + 1, month: 0 } : { year: fy, month: 3 + (quarter - 1) * 3 };
}

/** The quarter an instant falls in, by India's calendar. */
export function quarterOf(at: Date): FiscalQuarter {
  const ist = new TZDate(at, indiaTimeZone);
  const month = ist.getMonth();
  const year = ist.getFullYear();
  if (month < 3) return { fy: year - 1, quarter: 4 };
  return { fy: year, quarter: (Math.floor((month - 3) / 3) + 1) as QuarterNumber };
}

/** The instants a quarter covers: [start, end), midnight to midnight in India. */
export function quarterRange(q: FiscalQuarter): { start: Date; end: Date } {
  const { year, month } = firstMonth(q);
  const endMonth = month + 3;
  // Components rather than strings, so that midnight is India's whatever the server's zone.
  const start = new TZDate(year, month, 1, indiaTimeZone);
  const end = endMonth === 12 ? new TZDate(year + 1, 0, 1, indiaTimeZone) : new TZDate(year, endMonth, 1, indiaTimeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** "2026-27". */
export function fyLabel(fy: number): string {
  return `${fy}-${String((fy + 1) % 100).padStart(2, "0")}`;
}

/** Each quarter's months in words ("Oct–Dec"), as message keys. */
export const quarterMonthKeys = {
  1: "tds.months.q1",
  2: "tds.months.q2",
  3: "tds.months.q3",
  4: "tds.months.q4",
} as const satisfies Record<QuarterNumber, MessageKey>;

/** Says a message with its values: next-intl's t(), from useTranslations() or getTranslations(). */
type Say = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "FY 2026-27 Q3 (Oct–Dec 2026)", its months said by `t` in the reader's language. */
export function quarterLabel(q: FiscalQuarter, t: Say): string {
  return t("tds.quarterLabel", { fy: fyLabel(q.fy), quarter: q.quarter, months: t(quarterMonthKeys[q.quarter]), year: firstMonth(q).year });
}

/** The quarter's first and last India days, "01-10-2026" and "31-12-2026". */
export function quarterDays(q: FiscalQuarter): { first: string; last: string } {
  const { start, end } = quarterRange(q);
  const day = (d: Date) => format(new TZDate(d, indiaTimeZone), "dd-MM-yyyy");
  return { first: day(start), last: day(new Date(end.getTime() - 1)) };
}

/** The quarter's three months as India's "yyyy-MM", in order. */
export function quarterMonths(q: FiscalQuarter): string[] {
  const { year, month } = firstMonth(q);
  return [0, 1, 2].map((i) => `${year}-${String(month + i + 1).padStart(2, "0")}`);
}

/** Section 194H's rate on commission: 2% from 1 Oct 2024 (Finance (No. 2) Act 2024), 5% before. */
export function tds194hRate(q: FiscalQuarter): string {
  // Quarters never straddle 1 Oct 2024, which is the first day of FY 2024-25 Q3.
  return q.fy > 2024 || (q.fy === 2024 && q.quarter >= 3) ? "2%" : "5%";
}

/** The search parameters ?fy=2026&q=3, checked; the current quarter when absent or wrong. */
export function parseQuarter(
  params: Record<string, string | string[] | undefined>,
  now = new Date(),
): { quarter: FiscalQuarter; problems: string[] } {
  const current = quarterOf(now);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const problems: string[] = [];
  const fy = z.coerce.number().int().min(2000).max(current.fy + 1).safeParse(first(params.fy));
  const quarter = z.coerce.number().int().min(1).max(4).safeParse(first(params.q));
  if (first(params.fy) !== undefined && !fy.success) problems.push("fy");
  if (first(params.q) !== undefined && !quarter.success) problems.push("q");
  return {
    quarter: {
      fy: fy.success && first(params.fy) !== undefined ? fy.data : current.fy,
      quarter: quarter.success && first(params.q) !== undefined ? (quarter.data as QuarterNumber) : current.quarter,
    },
    problems,
  };
}
