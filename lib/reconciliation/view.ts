/**
 * The admin's reconciliation of charges, GST and TDS for a period: for successful transfer
 * parts, what the plan expected beside what AOPay's Status reported, totalled for the period,
 * by day and by outlet and agent, in one grouped query (GROUPING SETS); and every part whose
 * figures differ by more than Rs 0.01 (or were never reported). A part belongs to the India day
 * its transfer was started, as on the review screens.
 */
import "server-only";
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { partFiguresDifferSql, statementRowDiffersSql } from "@/lib/reconciliation/figures";
import { dayRange } from "@/lib/days";
import { compactSummaries, summarySql } from "@/lib/ledger/report-summaries";

type Reader = PrismaClient | Prisma.TransactionClient;

export interface Period {
  from: string;
  to: string;
  outlet?: string;
  agent?: string;
}

export interface ExpectedFigures {
  customerCharge: string;
  gst: string;
  commission: string;
  tds: string;
  netCommission: string;
}

export interface ReportedFigures {
  customerCharge: string;
  gst: string;
  discount: string;
  tds: string;
  netCommission: string;
}

export interface Sums {
  /** Successful parts. */
  parts: number;
  amount: string;
  expected: ExpectedFigures;
  reported: ReportedFigures;
  /** Parts whose reported figures differ from the expected by more than Rs 0.01. */
  differing: number;
  /** Parts with a figure AOPay's Status never reported. */
  unreported: number;
  /** Parts found in an imported statement. */
  inStatement: number;
}

export interface DaySums extends Sums {
  day: string;
}

export interface OutletAgentSums extends Sums {
  outletId: string;
  outletName: string;
  agentId: string;
  agentName: string;
}

export interface StatementDayStats {
  day: string;
  rows: number;
  /** Statement rows that disagree with the ledger (amount, status, UTR or a figure). */
  differing: number;
}

export interface DifferingPart {
  partId: string;
  transferId: string;
  reference: string;
  createdAt: Date;
  amount: string;
  outletName: string;
  agentName: string;
  expected: ExpectedFigures;
  reported: { [K in keyof ReportedFigures]: string | null };
}

export interface ReconciliationView {
  total: Sums;
  byDay: DaySums[];
  byOutletAgent: OutletAgentSums[];
  statementDays: StatementDayStats[];
  differingParts: DifferingPart[];
  /** Parts listed in differingParts' full set (differing + unreported); the list may be cut at `limit`. */
  differingCount: number;
}

interface GroupRow {
  g_day: number;
  g_outlet: number;
  day: string | null;
  outlet_id: string | null;
  agent_id: string | null;
  outlet_name: string | null;
  agent_name: string | null;
  parts: number;
  amount: string;
  e_charge: string;
  e_gst: string;
  e_commission: string;
  e_tds: string;
  e_net: string;
  r_charge: string;
  r_gst: string;
  r_discount: string;
  r_tds: string;
  r_net: string;
  differing: number;
  unreported: number;
  in_statement: number;
}

const money = (v: string | null | undefined) => new Decimal(v ?? "0").toFixed(2);

function sumsOf(row: GroupRow): Sums {
  return {
    parts: row.parts,
    amount: money(row.amount),
    expected: { customerCharge: money(row.e_charge), gst: money(row.e_gst), commission: money(row.e_commission), tds: money(row.e_tds), netCommission: money(row.e_net) },
    reported: { customerCharge: money(row.r_charge), gst: money(row.r_gst), discount: money(row.r_discount), tds: money(row.r_tds), netCommission: money(row.r_net) },
    differing: row.differing,
    unreported: row.unreported,
    inStatement: row.in_statement,
  };
}

export const emptySums: Sums = sumsOf({ parts: 0, differing: 0, unreported: 0, in_statement: 0 } as GroupRow);

function partFilterSql(period: Period): Prisma.Sql {
  const { start, end } = dayRange(period.from, period.to);
  return Prisma.sql`p.state = 'SUCCESS' AND t.created_at >= ${start} AND t.created_at < ${end}
    ${period.outlet ? Prisma.sql`AND t.outlet_id = ${period.outlet}::uuid` : Prisma.empty}
    ${period.agent ? Prisma.sql`AND t.agent_id = ${period.agent}::uuid` : Prisma.empty}`;
}

/**
 * Expected and reported sums: the period's total, each day's, and each outlet's agents'. From
 * part_day_totals (lib/ledger/report-summaries.ts), so a month reads a row per agent and day.
 */
export async function reconciliationSums(prisma: Reader, period: Period): Promise<{ total: Sums; byDay: DaySums[]; byOutletAgent: OutletAgentSums[] }> {
  await compactSummaries(prisma, "part_day_totals");
  const rows = await prisma.$queryRaw<GroupRow[]>`
    WITH d AS (
      SELECT day, outlet_id, agent_id, ${Prisma.raw(["parts", "amount", "customer_charge", "gst", "commission", "tds", "net_commission", "reported_customer_charge", "reported_gst", "reported_discount", "reported_tds", "reported_net_commission", "differing", "unreported", "in_statement"].map((c) => `sum(${c}) AS ${c}`).join(", "))}
      FROM ${summarySql("part_day_totals")} d
      WHERE d.state = 'SUCCESS' AND d.day >= ${period.from}::date AND d.day <= ${period.to}::date
        ${period.outlet ? Prisma.sql`AND d.outlet_id = ${period.outlet}::uuid` : Prisma.empty}
        ${period.agent ? Prisma.sql`AND d.agent_id = ${period.agent}::uuid` : Prisma.empty}
      GROUP BY day, outlet_id, agent_id
      HAVING sum(parts) > 0
    ), g AS (
      SELECT GROUPING(day)::int AS g_day, GROUPING(outlet_id, agent_id)::int AS g_outlet, day, outlet_id, agent_id,
             coalesce(sum(parts), 0)::int AS parts, sum(amount)::text AS amount,
             sum(customer_charge)::text AS e_charge, sum(gst)::text AS e_gst, sum(commission)::text AS e_commission,
             sum(tds)::text AS e_tds, sum(net_commission)::text AS e_net,
             sum(reported_customer_charge)::text AS r_charge, sum(reported_gst)::text AS r_gst, sum(reported_discount)::text AS r_discount,
             sum(reported_tds)::text AS r_tds, sum(reported_net_commission)::text AS r_net,
             coalesce(sum(differing), 0)::int AS differing, coalesce(sum(unreported), 0)::int AS unreported, coalesce(sum(in_statement), 0)::int AS in_statement
      FROM d
      GROUP BY GROUPING SETS ((), (day), (outlet_id, agent_id))
    )
    SELECT g.g_day, g.g_outlet, to_char(g.day, 'YYYY-MM-DD') AS day, g.outlet_id::text AS outlet_id, g.agent_id::text AS agent_id,
           o.name AS outlet_name, u.name AS agent_name, g.parts, g.amount, g.e_charge, g.e_gst, g.e_commission, g.e_tds, g.e_net,
           g.r_charge, g.r_gst, g.r_discount, g.r_tds, g.r_net, g.differing, g.unreported, g.in_statement
    FROM g
    LEFT JOIN outlets o ON o.id = g.outlet_id
    LEFT JOIN users u ON u.id = g.agent_id`;

  let total = emptySums;
  const byDay: DaySums[] = [];
  const byOutletAgent: OutletAgentSums[] = [];
  for (const row of rows) {
    if (row.g_day === 1 && row.g_outlet === 3) total = sumsOf(row);
    else if (row.g_day === 0) byDay.push({ day: row.day!, ...sumsOf(row) });
    else byOutletAgent.push({ outletId: row.outlet_id!, outletName: row.outlet_name ?? "", agentId: row.agent_id!, agentName: row.agent_name ?? "", ...sumsOf(row) });
  }
  byDay.sort((a, b) => a.day.localeCompare(b.day));
  byOutletAgent.sort((a, b) => a.outletName.localeCompare(b.outletName) || a.agentName.localeCompare(b.agentName));
  return { total, byDay, byOutletAgent };
}

interface DifferingRow {
  part_id: string;
  transfer_id: string;
  reference: string;
  created_at: Date;
  amount: string;
  outlet_name: string;
  agent_name: string;
  customer_charge: string;
  gst: string;
  commission: string;
  tds: string;
  net_commission: string;
  reported_customer_charge: string | null;
  reported_gst: string | null;
  reported_discount: string | null;
  reported_tds: string | null;
  reported_net_commission: string | null;
}

/** Successful parts whose reported figures differ from the expected (or are missing), oldest first. */
export async function differingParts(prisma: Reader, period: Period, limit = 200): Promise<DifferingPart[]> {
  const rows = await prisma.$queryRaw<DifferingRow[]>`
    SELECT p.id::text AS part_id, p.transfer_id::text AS transfer_id, p.reference, p.created_at, p.amount::text AS amount,
           o.name AS outlet_name, u.name AS agent_name,
           p.customer_charge::text AS customer_charge, p.gst::text AS gst, p.commission::text AS commission, p.tds::text AS tds,
           p.net_commission::text AS net_commission,
           p.reported_customer_charge::text AS reported_customer_charge, p.reported_gst::text AS reported_gst,
           p.reported_discount::text AS reported_discount, p.reported_tds::text AS reported_tds,
           p.reported_net_commission::text AS reported_net_commission
    FROM transfer_parts p
    JOIN transfers t ON t.id = p.transfer_id
    JOIN outlets o ON o.id = t.outlet_id
    JOIN users u ON u.id = t.agent_id
    WHERE ${partFilterSql(period)} AND ${partFiguresDifferSql()}
    ORDER BY t.created_at, p.id
    LIMIT ${limit}`;
  const orNull = (v: string | null) => (v === null ? null : money(v));
  return rows.map((r) => ({
    partId: r.part_id,
    transferId: r.transfer_id,
    reference: r.reference,
    createdAt: r.created_at,
    amount: money(r.amount),
    outletName: r.outlet_name,
    agentName: r.agent_name,
    expected: { customerCharge: money(r.customer_charge), gst: money(r.gst), commission: money(r.commission), tds: money(r.tds), netCommission: money(r.net_commission) },
    reported: {
      customerCharge: orNull(r.reported_customer_charge),
      gst: orNull(r.reported_gst),
      discount: orNull(r.reported_discount),
      tds: orNull(r.reported_tds),
      netCommission: orNull(r.reported_net_commission),
    },
  }));
}

/** Imported statement rows of the period's days, and how many disagree with the ledger. */
export async function statementDayStats(prisma: Reader, period: Period): Promise<StatementDayStats[]> {
  return prisma.$queryRaw<StatementDayStats[]>`
    SELECT to_char(r.day, 'YYYY-MM-DD') AS day, count(*)::int AS rows, count(*) FILTER (WHERE ${statementRowDiffersSql()})::int AS differing
    FROM statement_rows r
    LEFT JOIN transfer_parts p ON p.reference = r.reference
    LEFT JOIN transfers t ON t.id = p.transfer_id
    WHERE r.day >= ${period.from}::date AND r.day <= ${period.to}::date
      ${period.outlet ? Prisma.sql`AND t.outlet_id = ${period.outlet}::uuid` : Prisma.empty}
      ${period.agent ? Prisma.sql`AND t.agent_id = ${period.agent}::uuid` : Prisma.empty}
    GROUP BY r.day
    ORDER BY r.day`;
}

export async function reconciliationView(prisma: PrismaClient, period: Period, listLimit = 200): Promise<ReconciliationView> {
  const [sums, parts, statementDays] = await Promise.all([reconciliationSums(prisma, period), differingParts(prisma, period, listLimit), statementDayStats(prisma, period)]);
  return { ...sums, statementDays, differingParts: parts, differingCount: sums.total.differing + sums.total.unreported };
}

/** Reported minus expected, two decimals. */
export function difference(expected: string | null, reported: string | null): string | null {
  if (expected === null || reported === null) return null;
  return new Decimal(reported).minus(expected).toFixed(2);
}
