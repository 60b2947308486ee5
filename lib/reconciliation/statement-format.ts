/**
 * What the portal expects of AOPay's statement file. Safe to import from client components:
 * the upload form shows the same columns and size limit the server enforces.
 */

/** Required columns, by header name (any order; other columns are ignored). */
export const statementColumns = ["reference", "date", "amount", "customer_charge", "gst", "tds", "net_commission", "utr", "status"] as const;
export type StatementColumn = (typeof statementColumns)[number];

export const statementStatuses = ["success", "failed", "refunded", "pending"] as const;
export type StatementStatus = (typeof statementStatuses)[number];

/** The largest statement accepted, in bytes. */
export const maxStatementBytes = 5 * 1024 * 1024;
export const maxStatementLabel = "5 MB";

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
