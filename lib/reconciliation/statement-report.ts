/**
 * How an imported statement matches the ledger, by reference: rows whose amount, status, UTR
 * or figures (customer charge, GST, TDS, net commission; against AOPay's Status and against
 * the plan) differ, rows the ledger does not know (refused at import, so none), and the
 * successful parts of the statement's days that no imported statement has. Counts and sums
 * are exact; the lists are cut at their limits.
 */
import "server-only";
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { indiaTimeZoneSql } from "@/lib/db/india-time-sql";
import { comparedFigures, expectedStatementStatusSql, statementFiguresDifferSql, statementRowDiffersSql, tolerance } from "@/lib/reconciliation/figures";
import { dayRange } from "@/lib/days";
import type { MessageKey } from "@/lib/i18n/message-key";

export type DifferenceKind = "not_in_ledger" | "amount" | "status" | "utr" | "figures";

export interface FigureComparison {
  key: (typeof comparedFigures)[number]["key"];
  /** The figure's name, a message key. */
  label: MessageKey;
  statement: string;
  reported: string | null;
  expected: string | null;
  /** Statement minus reported / expected; null when there is nothing to compare. */
  againstReported: string | null;
  againstExpected: string | null;
  differs: boolean;
}

export interface ReportRow {
  line: number;
  reference: string;
  day: string;
  outletName: string | null;
  agentName: string | null;
  transferId: string | null;
  status: string;
  /** The ledger's state, or null when the ledger has no such reference. */
  ledgerState: string | null;
  amount: string;
  ledgerAmount: string | null;
  utr: string | null;
  ledgerUtr: string | null;
  figures: FigureComparison[];
  kinds: DifferenceKind[];
}

export interface MissingPart {
  reference: string;
  transferId: string;
  createdAt: Date;
  amount: string;
  utr: string | null;
  outletName: string;
  agentName: string;
}

export interface FigureSums {
  rows: number;
  amount: string;
  customerCharge: string;
  gst: string;
  tds: string;
  netCommission: string;
}

export interface StatementReport {
  import: { id: string; fileName: string; importedAt: Date; importedBy: string; rowCount: number; days: string[] };
  counts: { rows: number; matched: number; notInLedger: number; amount: number; status: number; utr: number; againstReported: number; againstExpected: number; missing: number };
  /** Rows with status success whose part succeeded: the statement's sums beside the ledger's. */
  sums: { statement: FigureSums; reported: FigureSums; expected: FigureSums };
  rows: ReportRow[];
  missing: MissingPart[];
}

interface CountRow {
  rows: number;
  matched: number;
  not_in_ledger: number;
  amount: number;
  status: number;
  utr: number;
  against_reported: number;
  against_expected: number;
  both_success: number;
  s_amount: string | null;
  s_charge: string | null;
  s_gst: string | null;
  s_tds: string | null;
  s_net: string | null;
  reported_rows: number;
  r_amount: string | null;
  r_charge: string | null;
  r_gst: string | null;
  r_tds: string | null;
  r_net: string | null;
  e_amount: string | null;
  e_charge: string | null;
  e_gst: string | null;
  e_tds: string | null;
  e_net: string | null;
}

interface DiffRow {
  line_number: number;
  reference: string;
  day: string;
  status: string;
  amount: string;
  customer_charge: string;
  gst: string;
  tds: string;
  net_commission: string;
  utr: string | null;
  transfer_id: string | null;
  state: string | null;
  expected_status: string | null;
  ledger_amount: string | null;
  ledger_utr: string | null;
  e_customer_charge: string | null;
  e_gst: string | null;
  e_tds: string | null;
  e_net_commission: string | null;
  r_customer_charge: string | null;
  r_gst: string | null;
  r_tds: string | null;
  r_net_commission: string | null;
  outlet_name: string | null;
  agent_name: string | null;
}

interface MissingRow {
  reference: string;
  transfer_id: string;
  created_at: Date;
  amount: string;
  utr: string | null;
  outlet_name: string;
  agent_name: string;
  total: number;
}

const money = (v: string | null | undefined) => new Decimal(v ?? "0").toFixed(2);
const minus = (a: string, b: string | null) => (b === null ? null : new Decimal(a).minus(b).toFixed(2));
const beyond = (d: string | null) => d !== null && new Decimal(d).abs().greaterThan(tolerance);

function comparison(row: DiffRow): { figures: FigureComparison[]; kinds: DifferenceKind[] } {
  const statementOf = { customerCharge: row.customer_charge, gst: row.gst, tds: row.tds, netCommission: row.net_commission };
  const expectedOf = { customerCharge: row.e_customer_charge, gst: row.e_gst, tds: row.e_tds, netCommission: row.e_net_commission };
  const reportedOf = { customerCharge: row.r_customer_charge, gst: row.r_gst, tds: row.r_tds, netCommission: row.r_net_commission };
  const compare = row.status === "success" && row.state !== null;
  const figures = comparedFigures.map((f) => {
    const statement = money(statementOf[f.key]);
    const reported = reportedOf[f.key] === null ? null : money(reportedOf[f.key]);
    const expected = expectedOf[f.key] === null ? null : money(expectedOf[f.key]);
    const againstReported = minus(statement, reported);
    const againstExpected = minus(statement, expected);
    return { key: f.key, label: f.label, statement, reported, expected, againstReported, againstExpected, differs: compare && (beyond(againstReported) || beyond(againstExpected)) };
  });
  const kinds: DifferenceKind[] = [];
  if (row.state === null) kinds.push("not_in_ledger");
  else {
    if (!new Decimal(row.amount).equals(row.ledger_amount!)) kinds.push("amount");
    if (row.status !== row.expected_status) kinds.push("status");
    if (row.utr !== null && row.ledger_utr !== null && row.utr !== row.ledger_utr) kinds.push("utr");
    if (figures.some((f) => f.differs)) kinds.push("figures");
  }
  return { figures, kinds };
}

export async function statementReport(prisma: PrismaClient, importId: string, limits = { rows: 1000, missing: 500 }): Promise<StatementReport | null> {
  const header = await prisma.statementImport.findUnique({
    where: { id: importId },
    select: { id: true, fileName: true, importedAt: true, rowCount: true, importedById: true },
  });
  if (!header) return null;
  const [importer, dayRows] = await Promise.all([
    prisma.user.findUnique({ where: { id: header.importedById }, select: { name: true } }),
    prisma.$queryRaw<{ day: string }[]>`SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM statement_rows WHERE import_id = ${importId}::uuid ORDER BY 1`,
  ]);
  const days = dayRows.map((d) => d.day);
  const [countRows, diffRows, missingRows] = await Promise.all([
    countStatement(prisma, importId),
    differingRows(prisma, importId, limits.rows),
    days.length === 0 ? Promise.resolve([] as MissingRow[]) : missingParts(prisma, days, limits.missing),
  ]);
  const c = countRows[0]!;
  return {
    import: { id: header.id, fileName: header.fileName, importedAt: header.importedAt, importedBy: importer?.name ?? "", rowCount: header.rowCount, days },
    counts: {
      rows: c.rows,
      matched: c.matched,
      notInLedger: c.not_in_ledger,
      amount: c.amount,
      status: c.status,
      utr: c.utr,
      againstReported: c.against_reported,
      againstExpected: c.against_expected,
      missing: missingRows[0]?.total ?? 0,
    },
    sums: {
      statement: sums(c.both_success, c.s_amount, c.s_charge, c.s_gst, c.s_tds, c.s_net),
      reported: sums(c.reported_rows, c.r_amount, c.r_charge, c.r_gst, c.r_tds, c.r_net),
      expected: sums(c.both_success, c.e_amount, c.e_charge, c.e_gst, c.e_tds, c.e_net),
    },
    rows: diffRows.map(reportRow),
    missing: missingRows.map(missingPart),
  };
}

/** The statement's counts of each difference, and the sums of the rows that succeeded on both sides. */
function countStatement(prisma: PrismaClient, importId: string): Promise<CountRow[]> {
  const bothSuccess = Prisma.raw("r.status = 'success' AND p.state = 'SUCCESS'");
  return prisma.$queryRaw<CountRow[]>`
      SELECT count(*)::int AS rows, count(p.id)::int AS matched,
             count(*) FILTER (WHERE p.id IS NULL)::int AS not_in_ledger,
             count(*) FILTER (WHERE r.amount <> p.amount)::int AS amount,
             count(*) FILTER (WHERE p.id IS NOT NULL AND r.status <> ${expectedStatementStatusSql()})::int AS status,
             count(*) FILTER (WHERE r.utr IS NOT NULL AND p.utr IS NOT NULL AND r.utr <> p.utr)::int AS utr,
             count(*) FILTER (WHERE r.status = 'success' AND ${statementFiguresDifferSql("reported")})::int AS against_reported,
             count(*) FILTER (WHERE r.status = 'success' AND ${statementFiguresDifferSql("expected")})::int AS against_expected,
             count(*) FILTER (WHERE ${bothSuccess})::int AS both_success,
             sum(r.amount) FILTER (WHERE ${bothSuccess})::text AS s_amount,
             sum(r.customer_charge) FILTER (WHERE ${bothSuccess})::text AS s_charge,
             sum(r.gst) FILTER (WHERE ${bothSuccess})::text AS s_gst,
             sum(r.tds) FILTER (WHERE ${bothSuccess})::text AS s_tds,
             sum(r.net_commission) FILTER (WHERE ${bothSuccess})::text AS s_net,
             count(p.reported_customer_charge) FILTER (WHERE ${bothSuccess})::int AS reported_rows,
             sum(p.amount) FILTER (WHERE ${bothSuccess} AND p.reported_customer_charge IS NOT NULL)::text AS r_amount,
             sum(p.reported_customer_charge) FILTER (WHERE ${bothSuccess})::text AS r_charge,
             sum(p.reported_gst) FILTER (WHERE ${bothSuccess})::text AS r_gst,
             sum(p.reported_tds) FILTER (WHERE ${bothSuccess})::text AS r_tds,
             sum(p.reported_net_commission) FILTER (WHERE ${bothSuccess})::text AS r_net,
             sum(p.amount) FILTER (WHERE ${bothSuccess})::text AS e_amount,
             sum(p.customer_charge) FILTER (WHERE ${bothSuccess})::text AS e_charge,
             sum(p.gst) FILTER (WHERE ${bothSuccess})::text AS e_gst,
             sum(p.tds) FILTER (WHERE ${bothSuccess})::text AS e_tds,
             sum(p.net_commission) FILTER (WHERE ${bothSuccess})::text AS e_net
      FROM statement_rows r LEFT JOIN transfer_parts p ON p.reference = r.reference
      WHERE r.import_id = ${importId}::uuid`;
}

/** The statement's rows that differ from the ledger, in file order. */
function differingRows(prisma: PrismaClient, importId: string, limit: number): Promise<DiffRow[]> {
  return prisma.$queryRaw<DiffRow[]>`
      SELECT r.line_number, r.reference, to_char(r.day, 'YYYY-MM-DD') AS day, r.status, r.amount::text AS amount,
             r.customer_charge::text AS customer_charge, r.gst::text AS gst, r.tds::text AS tds, r.net_commission::text AS net_commission, r.utr,
             t.id::text AS transfer_id, p.state::text AS state, CASE WHEN p.id IS NULL THEN NULL ELSE ${expectedStatementStatusSql()} END AS expected_status,
             p.amount::text AS ledger_amount, p.utr AS ledger_utr,
             p.customer_charge::text AS e_customer_charge, p.gst::text AS e_gst, p.tds::text AS e_tds, p.net_commission::text AS e_net_commission,
             p.reported_customer_charge::text AS r_customer_charge, p.reported_gst::text AS r_gst, p.reported_tds::text AS r_tds,
             p.reported_net_commission::text AS r_net_commission,
             o.name AS outlet_name, u.name AS agent_name
      FROM statement_rows r
      LEFT JOIN transfer_parts p ON p.reference = r.reference
      LEFT JOIN transfers t ON t.id = p.transfer_id
      LEFT JOIN outlets o ON o.id = t.outlet_id
      LEFT JOIN users u ON u.id = t.agent_id
      WHERE r.import_id = ${importId}::uuid AND ${statementRowDiffersSql()}
      ORDER BY r.line_number
      LIMIT ${limit}`;
}

/** The successful parts of the statement's days (India time) that no imported statement has. */
function missingParts(prisma: PrismaClient, days: string[], limit: number): Promise<MissingRow[]> {
  return prisma.$queryRaw<MissingRow[]>`
      SELECT p.reference, t.id::text AS transfer_id, p.created_at, p.amount::text AS amount, p.utr, o.name AS outlet_name, u.name AS agent_name,
             count(*) OVER ()::int AS total
      FROM transfer_parts p
      JOIN transfers t ON t.id = p.transfer_id
      JOIN outlets o ON o.id = t.outlet_id
      JOIN users u ON u.id = t.agent_id
      WHERE p.state = 'SUCCESS'
        AND p.created_at >= ${dayRange(days[0]!, days[days.length - 1]!).start} AND p.created_at < ${dayRange(days[0]!, days[days.length - 1]!).end}
        AND to_char((p.created_at AT TIME ZONE ${indiaTimeZoneSql})::date, 'YYYY-MM-DD') = ANY(${days}::text[])
        AND NOT EXISTS (SELECT 1 FROM statement_rows s WHERE s.reference = p.reference)
      ORDER BY p.created_at, p.id
      LIMIT ${limit}`;
}

function sums(rows: number, amount: string | null, charge: string | null, gst: string | null, tds: string | null, net: string | null): FigureSums {
  return { rows, amount: money(amount), customerCharge: money(charge), gst: money(gst), tds: money(tds), netCommission: money(net) };
}

function reportRow(row: DiffRow): ReportRow {
  return {
    line: row.line_number,
    reference: row.reference,
    day: row.day,
    outletName: row.outlet_name,
    agentName: row.agent_name,
    transferId: row.transfer_id,
    status: row.status,
    ledgerState: row.state,
    amount: money(row.amount),
    ledgerAmount: row.ledger_amount === null ? null : money(row.ledger_amount),
    utr: row.utr,
    ledgerUtr: row.ledger_utr,
    ...comparison(row),
  };
}

function missingPart(m: MissingRow): MissingPart {
  return {
    reference: m.reference,
    transferId: m.transfer_id,
    createdAt: m.created_at,
    amount: money(m.amount),
    utr: m.utr,
    outletName: m.outlet_name,
    agentName: m.agent_name,
  };
}

export interface StatementOfPeriod {
  id: string;
  fileName: string;
  importedAt: Date;
  importedBy: string | null;
  rowCount: number;
  /** Its rows dated within the period. */
  rowsInPeriod: number;
}

/** The imported statements with rows dated from..to, newest first. */
export async function statementsForPeriod(prisma: PrismaClient, from: string, to: string, limit = 50): Promise<StatementOfPeriod[]> {
  return prisma.$queryRaw<StatementOfPeriod[]>`
    SELECT i.id::text AS "id", i.file_name AS "fileName", i.imported_at AS "importedAt", u.name AS "importedBy",
           i.row_count AS "rowCount", r.rows::int AS "rowsInPeriod"
    FROM (
      SELECT import_id, count(*) AS rows FROM statement_rows WHERE day >= ${from}::date AND day <= ${to}::date GROUP BY import_id
    ) r
    JOIN statement_imports i ON i.id = r.import_id
    LEFT JOIN users u ON u.id = i.imported_by_id
    ORDER BY i.imported_at DESC
    LIMIT ${limit}`;
}
