/**
 * How the portal writes times, money and masked numbers, for every screen, export and message.
 * Times are stored in UTC and always shown in India Standard Time. Browser-safe.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** India's time zone: AOPay's own times, the calendar month of the limits, every day shown. */
export const indiaTimeZone = "Asia/Kolkata";

/** A moment as India's wall clock, for date arithmetic and formatting in India time. */
export function inIndia(at: Date): TZDate {
  return new TZDate(at, indiaTimeZone);
}

export function formatIst(date: Date, pattern = "dd MMM yyyy, HH:mm"): string {
  return `${format(inIndia(date), pattern)} IST`;
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
