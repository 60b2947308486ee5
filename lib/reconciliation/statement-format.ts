/**
 * What the portal expects of AOPay's statement file. Safe to import from client components:
 * the upload form shows the same columns and size limit the server enforces.
 *
 * The import's sentences (a problem with the file or a row) are message keys, with their values
 * written in (keyWithValues): the upload answers through a route handler as JSON, and the form
 * says each one in the admin's language (keyOrText, problemText).
 */
import type { ActionResult } from "@/lib/action-result";
import { keyOrText, keyWithValues, type Translate } from "@/lib/i18n/issue-text";
import type { MessageKey } from "@/lib/i18n/message-key";
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

/** The import's refusal of a file larger than the limit (the form, the route and the import say it alike). */
export const tooLargeProblem = keyWithValues("reconciliation.import.tooLarge", { max: maxStatementLabel });

/**
 * Why a chosen file cannot be a statement (no file, not a CSV, too large), as a message key, or
 * undefined. The form and the server both ask.
 */
export function statementFileProblem(file: { name: string; size: number } | undefined): string | undefined {
  if (!file || file.size === 0) return "reconciliation.import.chooseFile" satisfies MessageKey;
  if (!/\.csv$/i.test(file.name)) return keyWithValues("reconciliation.import.notCsv", { name: file.name });
  if (file.size > maxStatementBytes) return tooLargeProblem;
  return undefined;
}

/** A problem of the import as the admin reads it: its sentence, then the value it is about, when it names one. */
export function problemText(t: Translate, problem: Pick<StatementProblem, "message" | "found">): string {
  const sentence = keyOrText(t, problem.message);
  if (problem.found === undefined) return sentence;
  return `${sentence} ${problem.found === "" ? t("reconciliation.import.itIsEmpty") : t("reconciliation.import.found", { value: problem.found })}`;
}

/** How `date` is written: India time. */
export const statementDateFormat = "DD-MM-YYYY HH:mm:ss";

/** Problems beyond this many are counted but not listed, so a broken file cannot flood the page. */
export const maxListedProblems = 2000;

/** What goes in each column, as the form explains it: `date`'s sentence takes statementDateFormat as {format}; `status` is explained by its list. */
export const statementColumnHelp: Record<Exclude<StatementColumn, "status">, MessageKey> = {
  reference: "reconciliation.import.columns.reference",
  date: "reconciliation.import.columns.date",
  amount: "reconciliation.import.columns.amount",
  customer_charge: "reconciliation.import.columns.customerCharge",
  gst: "reconciliation.import.columns.rupees",
  tds: "reconciliation.import.columns.rupees",
  net_commission: "reconciliation.import.columns.rupees",
  utr: "reconciliation.import.columns.utr",
};
