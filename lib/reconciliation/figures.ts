/**
 * The figures reconciled for each successful transfer part, and the SQL that compares them.
 * The plan's expected figures are the part's own columns; AOPay's Status reported theirs into
 * the reported_* columns. Customer charge, GST, TDS and net commission are compared; AOPay
 * reports no commission before TDS and the plan expects no discount, so those two are shown on
 * one side only. Each figure's label is a message key, said in the reader's language by the screen.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageKey } from "@/lib/i18n/message-key";

/** A difference larger than this, in rupees, is a mismatch. */
export const tolerance = "0.01";

export const comparedFigures = [
  { key: "customerCharge", label: "reconciliation.figures.customerCharge", expected: "customer_charge", reported: "reported_customer_charge", statement: "customer_charge" },
  { key: "gst", label: "reconciliation.figures.gst", expected: "gst", reported: "reported_gst", statement: "gst" },
  { key: "tds", label: "reconciliation.figures.tds", expected: "tds", reported: "reported_tds", statement: "tds" },
  { key: "netCommission", label: "reconciliation.figures.netCommission", expected: "net_commission", reported: "reported_net_commission", statement: "net_commission" },
] as const satisfies readonly { key: string; label: MessageKey; expected: string; reported: string; statement: string }[];

/** True for a part of alias `p` whose reported figures differ from the expected ones, or are missing. */
export function partFiguresDifferSql(p = "p"): Prisma.Sql {
  return Prisma.raw(
    "(" +
      comparedFigures
        .map((f) => `${p}.${f.reported} IS NULL OR abs(${p}.${f.reported} - ${p}.${f.expected}) > ${tolerance}`)
        .join(" OR ") +
      ")",
  );
}

/** True for a part whose AOPay figures are all there but differ from the plan's. */
export function partFiguresReportedAndDifferSql(p = "p"): Prisma.Sql {
  return Prisma.raw(
    "(" +
      comparedFigures.map((f) => `${p}.${f.reported} IS NOT NULL`).join(" AND ") +
      " AND (" +
      comparedFigures.map((f) => `abs(${p}.${f.reported} - ${p}.${f.expected}) > ${tolerance}`).join(" OR ") +
      "))",
  );
}

/** True for a part with any figure not reported by AOPay. */
export function partUnreportedSql(p = "p"): Prisma.Sql {
  return Prisma.raw("(" + comparedFigures.map((f) => `${p}.${f.reported} IS NULL`).join(" OR ") + ")");
}

/** The statement status a ledger state should appear with ('not_sent' when no money call was made). */
export function expectedStatementStatusSql(p = "p"): Prisma.Sql {
  return Prisma.raw(
    `(CASE ${p}.state WHEN 'SUCCESS' THEN 'success' WHEN 'FAILED' THEN 'failed' WHEN 'REFUND_PENDING' THEN 'failed' ` +
      `WHEN 'REFUNDED' THEN 'refunded' WHEN 'PENDING' THEN 'pending' WHEN 'SUBMITTED' THEN 'pending' ELSE 'not_sent' END)`,
  );
}

/**
 * True for a statement row `r` that disagrees with its part `p` on anything: amount, status,
 * UTR, or (for a successful row) any figure against the plan or against AOPay's Status. A
 * figure the Status never reported is not compared.
 */
export function statementRowDiffersSql(r = "r", p = "p"): Prisma.Sql {
  const figures = comparedFigures
    .flatMap((f) => [`abs(${r}.${f.statement} - ${p}.${f.expected}) > ${tolerance}`, `abs(${r}.${f.statement} - ${p}.${f.reported}) > ${tolerance}`])
    .join(" OR ");
  return Prisma.raw(
    `(${p}.id IS NULL OR ${r}.amount <> ${p}.amount OR ${r}.status <> ${expectedStatementStatusSql(p).sql} ` +
      `OR (${r}.utr IS NOT NULL AND ${p}.utr IS NOT NULL AND ${r}.utr <> ${p}.utr) ` +
      `OR (${r}.status = 'success' AND COALESCE(${figures}, false)))`,
  );
}

/** True for a statement row whose figures differ from its part's expected, or reported, ones (null when not comparable). */
export function statementFiguresDifferSql(side: "expected" | "reported", r = "r", p = "p"): Prisma.Sql {
  return Prisma.raw("(" + comparedFigures.map((f) => `abs(${r}.${f.statement} - ${p}.${f[side]}) > ${tolerance}`).join(" OR ") + ")");
}
