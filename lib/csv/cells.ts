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

/**
 * safeCell written by PostgreSQL, for an export whose CSV PostgreSQL's `COPY ... (FORMAT csv)`
 * writes (lib/db/copy-csv.ts). COPY quotes a cell holding a comma, a quote or a line break and
 * doubles its quotes, as csv-stringify does, but writes an empty text as `""` where
 * csv-stringify writes nothing: so an empty cell goes to COPY as null, which it writes as
 * nothing. `expr` is trusted SQL (a column: it is read more than once); lib/csv/cells.test.ts
 * holds COPY's cells to csv-stringify's byte for byte on both databases.
 */
export function safeCellSql(expr: string): string {
  // ascii() reads the first character's code without cutting a substring: tab 9, CR 13, + 43, - 45, = 61, @ 64.
  return `(CASE WHEN ascii(${expr}) IN (9, 13, 43, 45, 61, 64) THEN '''' || ${expr} ELSE NULLIF(${expr}, '') END)`;
}
