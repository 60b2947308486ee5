/**
 * How the portal writes times, money and masked numbers, for every screen, export and message.
 * Times are stored in UTC and always shown in India Standard Time. Browser-safe.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { formattingTags, type Locale } from "@/lib/i18n/locales";

/** India's time zone: AOPay's own times, the calendar month of the limits, every day shown. */
export const indiaTimeZone = "Asia/Kolkata";

/** A moment as India's wall clock, for date arithmetic and formatting in India time. */
export function inIndia(at: Date): TZDate {
  return new TZDate(at, indiaTimeZone);
}

export function formatIst(date: Date, pattern = "dd MMM yyyy, HH:mm"): string {
  return `${format(inIndia(date), pattern)} IST`;
}

/** How a moment is shown: day and time, the day alone, the time alone, or day and time within this year. */
export type MomentStyle = "dateTime" | "date" | "time" | "shortDateTime";

const englishPatterns: Record<MomentStyle, string> = { dateTime: "dd MMM yyyy, HH:mm", date: "dd MMM yyyy", time: "HH:mm", shortDateTime: "dd MMM, HH:mm" };
const dayParts: Record<MomentStyle, Intl.DateTimeFormatOptions | null> = {
  dateTime: { day: "numeric", month: "long", year: "numeric" },
  date: { day: "numeric", month: "long", year: "numeric" },
  time: null,
  shortDateTime: { day: "numeric", month: "short" },
};
const clock: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/**
 * A moment in India time as a reader of `locale` reads it: English as formatIst writes it
 * ("02 Dec 2026, 14:05 IST"), another language with the month in its own words
 * ("2 दिसंबर 2026, 14:05 IST"). Digits stay Latin and the clock 24-hour in every language.
 */
export function showMoment(date: Date, locale: Locale, style: MomentStyle = "dateTime"): string {
  if (locale === "en") return formatIst(date, englishPatterns[style]);
  const tag = formattingTags[locale];
  const day = dayParts[style] && new Intl.DateTimeFormat(tag, { ...dayParts[style], timeZone: indiaTimeZone }).format(date);
  const time = style === "date" ? null : new Intl.DateTimeFormat(tag, { ...clock, timeZone: indiaTimeZone }).format(date);
  return [day, time && `${time} IST`].filter(Boolean).join(", ");
}

type Amount = string | number | { toFixed: (digits: number) => string };

const asNumber = (value: Amount) => Number(typeof value === "object" ? value.toFixed(2) : value);
const withPaise = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const asSpoken = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 });

/** "1,23,456.00": Indian grouping, paise always shown. */
export function amountText(value: Amount): string {
  return withPaise.format(asNumber(value));
}

/** "Rs 1,23,456.00", for tables, receipts and totals. */
export function rupees(value: Amount): string {
  return `Rs ${amountText(value)}`;
}

/** "Rs 4,950", as amounts are said in sentences and on chart axes: paise only when there are any. */
export function rupeesSpoken(value: Amount): string {
  return `Rs ${asSpoken.format(asNumber(value))}`;
}

/** A customer's mobile as screens and exports show it: the last four digits. */
export function maskMobile(mobile: string): string {
  return mobile.length <= 4 ? "X".repeat(mobile.length) : `XXXXXX${mobile.slice(-4)}`;
}

/** maskMobile written by PostgreSQL, for an export that builds its lines in its query: `column` is trusted SQL. */
export const maskMobileSql = (column: string) => `(CASE WHEN length(${column}) <= 4 THEN repeat('X', length(${column})) ELSE 'XXXXXX' || right(${column}, 4) END)`;
