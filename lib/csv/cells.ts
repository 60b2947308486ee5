/** What every CSV download of the portal writes the same way: formula-safe text and IST times. */
import { format } from "date-fns";
import { inIndia, indiaTimeZone } from "@/lib/format";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return that
 * some spreadsheets skip before one) gets a leading apostrophe: names and notes come from users.
 */
export function safeCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** "04-12-2026 09:15:00", in India's time. */
export function istTimestamp(date: Date): string {
  return format(inIndia(date), "dd-MM-yyyy HH:mm:ss");
}

/** istTimestamp's text written by PostgreSQL, for an export that formats in its query: `column` is trusted SQL. */
export const istTimestampSql = (column: string) => `to_char(${column} AT TIME ZONE '${indiaTimeZone}', 'DD-MM-YYYY HH24:MI:SS')`;

