/**
 * Reads AOPay's statement (CSV, columns in statement-format.ts) into checked rows, and lists
 * every problem with its line and column. Only what the file itself shows is checked here;
 * what needs the database (known references, earlier imports, locked days) is checked by the
 * import. Problems are message keys with their values (statement-format.ts says why).
 */
import { z } from "zod";
import { keyWithValues } from "@/lib/i18n/issue-text";
import type { MessageKey } from "@/lib/i18n/message-key";
import { readCsv } from "@/lib/reconciliation/csv";
import { statementColumns, statementDateFormat, statementStatuses, type StatementColumn, type StatementStatus } from "@/lib/reconciliation/statement-format";

export interface StatementLine {
  line: number;
  reference: string;
  transactedAt: Date;
  /** The India day of `transactedAt`, yyyy-MM-dd. */
  day: string;
  amount: string;
  customerCharge: string;
  gst: string;
  tds: string;
  netCommission: string;
  utr: string | null;
  status: StatementStatus;
}

export interface StatementProblem {
  /** Null for a problem with the whole file. */
  line: number | null;
  column: StatementColumn | null;
  /** A message key, with its values when it has any (keyWithValues). */
  message: string;
  /** The value the problem is about, trimmed and shortened ("" when it is empty); absent when the problem names none. */
  found?: string;
}

const istOffsetMinutes = 330;

/** "21-11-2026 14:05:09", India time: the instant and its India day; null when it is no real time. */
export function parseStatementDate(value: string): { at: Date; day: string } | null {
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [d, mo, y, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || d < 1) return null;
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d) return null;
  // India keeps one offset all year (no daylight saving).
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - istOffsetMinutes * 60_000);
  return { at, day: `${m[3]}-${m[2]}-${m[1]}` };
}

/** Rupees in digits with at most two decimals; `message` names the column. */
const rupees = (message: MessageKey) => z.string().trim().regex(/^\d{1,10}(\.\d{1,2})?$/, message);

function rowSchema(now: Date) {
  return z.object({
    reference: z.string().trim().regex(/^\d{6,20}$/, "reconciliation.import.row.reference" satisfies MessageKey),
    date: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const parsed = parseStatementDate(value);
        if (!parsed) {
          ctx.addIssue({ code: "custom", message: keyWithValues("reconciliation.import.row.date", { format: statementDateFormat }) });
          return z.NEVER;
        }
        if (parsed.at.getTime() > now.getTime() + 5 * 60_000) {
          ctx.addIssue({ code: "custom", message: "reconciliation.import.row.dateFuture" satisfies MessageKey });
          return z.NEVER;
        }
        return parsed;
      }),
    amount: rupees("reconciliation.import.row.amountRupees").refine((v) => Number(v) > 0, "reconciliation.import.row.amountPositive" satisfies MessageKey),
    customer_charge: rupees("reconciliation.import.row.customerChargeRupees"),
    gst: rupees("reconciliation.import.row.gstRupees"),
    tds: rupees("reconciliation.import.row.tdsRupees"),
    net_commission: rupees("reconciliation.import.row.netCommissionRupees"),
    utr: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,30}$/, "reconciliation.import.row.utr" satisfies MessageKey),
    status: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(statementStatuses, { message: keyWithValues("reconciliation.import.row.status", { statuses: statementStatuses.join(", ") }) })),
  });
}

/** The value a problem is about, shortened for the report. */
function shown(value: string): string {
  const v = value.trim();
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

/** Column order in the report: the file's expected order. */
const columnRank = new Map<StatementColumn | null, number>([[null, -1], ...statementColumns.map((c, i) => [c, i] as const)]);

export function sortProblems(problems: StatementProblem[]): StatementProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || columnRank.get(a.column)! - columnRank.get(b.column)!);
}

/**
 * Checks the text of a statement. `lines` holds every row that passed; a file with any
 * problem must not be imported, but its good rows are still returned so that the import can
 * check them against the database and report everything at once.
 */
export function parseStatement(text: string, now = new Date()): { lines: StatementLine[]; problems: StatementProblem[]; rowCount: number } {
  const problems: StatementProblem[] = [];
  const { records, errors } = readCsv(text.replace(/^\uFEFF/, ""));
  for (const e of errors) problems.push({ line: e.line, column: null, message: e.message });
  // Blank lines (a trailing newline, an empty row a spreadsheet left) are not rows.
  const rows = records.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ""));
  const header = rows.shift();
  if (!header) {
    if (problems.length === 0) problems.push({ line: null, column: null, message: "reconciliation.import.empty" satisfies MessageKey });
    return { lines: [], problems, rowCount: 0 };
  }

  const names = header.fields.map((f) => f.trim().toLowerCase());
  const position = new Map<StatementColumn, number>();
  for (const column of statementColumns) {
    const at = names.indexOf(column);
    if (at === -1) {
      problems.push({ line: header.line, column, message: keyWithValues("reconciliation.import.header.noColumn", { column, columns: statementColumns.join(",") }) });
    } else if (names.indexOf(column, at + 1) !== -1) {
      problems.push({ line: header.line, column, message: keyWithValues("reconciliation.import.header.twice", { column }) });
    } else position.set(column, at);
  }
  // Rows the reader had to leave out (a broken quote) still count as rows of the file.
  const rowCount = rows.length + errors.length;
  if (position.size < statementColumns.length) return { lines: [], problems: sortProblems(problems), rowCount };
  if (rowCount === 0) {
    problems.push({ line: null, column: null, message: "reconciliation.import.header.noRows" satisfies MessageKey });
    return { lines: [], problems: sortProblems(problems), rowCount };
  }

  const schema = rowSchema(now);
  const lines: StatementLine[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of rows) {
    const raw: Partial<Record<StatementColumn, string>> = {};
    const rowProblems: StatementProblem[] = [];
    for (const column of statementColumns) {
      const value = record.fields[position.get(column)!];
      if (value === undefined) {
        const message = keyWithValues("reconciliation.import.row.missingColumn", { column, count: record.fields.length, header: header.fields.length });
        rowProblems.push({ line: record.line, column, message });
      } else raw[column] = value;
    }
    if (record.fields.length > header.fields.length) {
      const message = keyWithValues("reconciliation.import.row.extraColumns", { count: record.fields.length, header: header.fields.length });
      rowProblems.push({ line: record.line, column: null, message });
    }
    const parsed = schema.safeParse(Object.fromEntries(statementColumns.map((c) => [c, raw[c] ?? ""])));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path[0] as StatementColumn;
        // Missing columns are already reported; one problem per value is enough.
        const value = raw[column];
        if (value === undefined || rowProblems.some((p) => p.column === column)) continue;
        rowProblems.push({ line: record.line, column, message: issue.message, found: shown(value) });
      }
    }
    if (parsed.success) {
      const reference = parsed.data.reference;
      const first = firstLineOf.get(reference);
      if (first !== undefined) {
        rowProblems.push({ line: record.line, column: "reference", message: keyWithValues("reconciliation.import.row.duplicateReference", { reference, first }) });
      } else firstLineOf.set(reference, record.line);
    }
    if (rowProblems.length > 0 || !parsed.success) {
      problems.push(...rowProblems);
      continue;
    }
    const r = parsed.data;
    lines.push({
      line: record.line,
      reference: r.reference,
      transactedAt: r.date.at,
      day: r.date.day,
      amount: r.amount,
      customerCharge: r.customer_charge,
      gst: r.gst,
      tds: r.tds,
      netCommission: r.net_commission,
      utr: r.utr === "" ? null : r.utr,
      status: r.status,
    });
  }
  return { lines, problems: sortProblems(problems), rowCount };
}
