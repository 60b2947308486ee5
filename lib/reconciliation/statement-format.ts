/**
 * What the portal expects of AOPay's statement file. Safe to import from client components:
 * the upload form shows the same columns and size limit the server enforces.
 */
import type { ActionResult } from "@/lib/action-result";
import type { StatementProblem } from "@/lib/reconciliation/statement-parse";

/** Required columns, by header name (any order; other columns are ignored). */
export const statementColumns = ["reference", "date", "amount", "customer_charge", "gst", "tds", "net_commission", "utr", "status"] as const;
export type StatementColumn = (typeof statementColumns)[number];

export const statementStatuses = ["success", "failed", "refunded", "pending"] as const;
export type StatementStatus = (typeof statementStatuses)[number];

/** The largest statement accepted, in bytes. */
export const maxStatementBytes = 5 * 1024 * 1024;
export const maxStatementLabel = "5 MB";

/** What a refused statement shows besides its message: the file and its bad rows. */
export interface ImportProblems {
  fileName?: string;
  problems?: StatementProblem[];
  problemCount?: number;
  rowCount?: number;
  badRows?: number;
}

/** The upload's one answer: where its match report is, or why nothing was imported. */
export type StatementUploadResult = ActionResult<{ location: string }, ImportProblems>;

/** Where the upload form sends the file (a route handler, so the role is checked before the body is read). */
export const statementUploadPath = "/api/reconciliation/statements";
/** The upload's file name travels in this header (URI-encoded); the body is the file itself. */
export const statementNameHeader = "x-statement-name";

/** Why a chosen file cannot be a statement (no file, not a CSV, too large), or undefined. The form and the server both ask. */
export function statementFileProblem(file: { name: string; size: number } | undefined): string | undefined {
  if (!file || file.size === 0) return "Choose AOPay's statement: a .csv file.";
  if (!/\.csv$/i.test(file.name)) return `"${file.name}" is not a .csv file. Save the statement as CSV and choose that file.`;
  if (file.size > maxStatementBytes) return `The file is larger than ${maxStatementLabel}. Split the statement by day and import each part.`;
  return undefined;
}

/** How `date` is written: India time. */
export const statementDateFormat = "DD-MM-YYYY HH:mm:ss";

/** Problems beyond this many are counted but not listed, so a broken file cannot flood the page. */
export const maxListedProblems = 2000;

export const statementColumnHelp: Record<StatementColumn, string> = {
  reference: "the portal's reference (ReferanceID), 6 to 20 digits",
  date: `when AOPay made the transaction, ${statementDateFormat}, India time`,
  amount: "rupees, like 1500.00",
  customer_charge: "rupees, GST included",
  gst: "rupees",
  tds: "rupees",
  net_commission: "rupees",
  utr: "the bank's UTR; may be empty",
  status: statementStatuses.join(", "),
};
