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
 * One CSV cell written by PostgreSQL exactly as csv-stringify writes `safeCell(value)`: the
 * formula guard first, then quotes around a cell holding a comma, a quote or a line break (its
 * quotes doubled); null is empty. For an export that builds its lines in its query (no object
 * per row in Node). `expr` is trusted SQL text; lib/csv/cells.test.ts holds the two to each other.
 */
export function csvCellSql(expr: string): string {
  const v = `coalesce((${expr})::text, '')`;
  const safe = `(CASE WHEN left(${v}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${v} ELSE ${v} END)`;
  // strpos rather than a regular expression: the same test, at about half the cost per cell.
  const needsQuotes = [`','`, `'"'`, "chr(10)", "chr(13)"].map((c) => `strpos(${v}, ${c}) > 0`).join(" OR ");
  return `(CASE WHEN ${needsQuotes} THEN '"' || replace(${safe}, '"', '""') || '"' ELSE ${safe} END)`;
}

/** A CSV line (with its newline) of cells that are each already CSV text (csvCellSql, or plain figures). */
export const csvLineSql = (cells: string[]) => `(${cells.map((c) => `coalesce(${c}, '')`).join(" || ',' || ")} || chr(10))`;
