/**
 * TDS statements under section 194H: each agent's commission for one financial-year quarter,
 * the TDS deducted from it, and the net.
 *
 * What counts: transfer parts in state SUCCESS, by the India time their transfer was made (as on
 * the review screens and in their export, so all parts of a transfer fall in one quarter). Commission is earned on a successful transfer only,
 * so failed, refunded and cancelled parts never count; parts still SUBMITTED or PENDING are not
 * counted until they succeed, and are reported as "not settled yet".
 *
 * Which figures: AOPay's, where it reported both TDS and net commission for the part (gross is
 * then reported net + reported TDS, since AOPay reports no gross commission); otherwise the
 * commission plan's expected commission, TDS and net. Every statement says how many parts
 * came from each.
 */
import "server-only";
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { quarterOf, quarterRange, type FiscalQuarter } from "@/lib/tds/quarter";

export type FigureSource = "reported" | "expected";

export interface CommissionFigures {
  source: FigureSource;
  gross: Decimal;
  tds: Decimal;
  net: Decimal;
}

type Money = Prisma.Decimal | Decimal | string | number;

export interface PartMoney {
  commission: Money;
  tds: Money;
  netCommission: Money;
  reportedTds: Money | null;
  reportedNetCommission: Money | null;
}

export const paise = (value: Decimal.Value): Decimal => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** One part's commission, TDS and net, as this module's header describes. */
export function partFigures(part: PartMoney): CommissionFigures {
  if (part.reportedTds !== null && part.reportedNetCommission !== null) {
    const tds = paise(part.reportedTds.toString());
    const net = paise(part.reportedNetCommission.toString());
    return { source: "reported", gross: net.plus(tds), tds, net };
  }
  return { source: "expected", gross: paise(part.commission.toString()), tds: paise(part.tds.toString()), net: paise(part.netCommission.toString()) };
}

/** The same choice in SQL, for sums over many parts (p is transfer_parts). */
const reportedSql = Prisma.sql`(p.reported_tds IS NOT NULL AND p.reported_net_commission IS NOT NULL)`;
const grossSql = Prisma.sql`CASE WHEN ${reportedSql} THEN p.reported_net_commission + p.reported_tds ELSE p.commission END`;
const tdsSql = Prisma.sql`CASE WHEN ${reportedSql} THEN p.reported_tds ELSE p.tds END`;
const netSql = Prisma.sql`CASE WHEN ${reportedSql} THEN p.reported_net_commission ELSE p.net_commission END`;

export interface AgentQuarterSummary {
  agentId: string;
  agentName: string;
  username: string;
  /** The outlets the agent's parts of the quarter were made at (usually one). */
  outletNames: string;
  /** Successful parts counted. */
  transactions: number;
  reportedCount: number;
  expectedCount: number;
  gross: string;
  tds: string;
  net: string;
  /** Parts of the quarter still SUBMITTED or PENDING: not counted until they succeed. */
  unsettled: number;
}

export interface QuarterSummary {
  agents: AgentQuarterSummary[];
  totals: { transactions: number; reportedCount: number; expectedCount: number; gross: string; tds: string; net: string; unsettled: number };
}

interface SummaryRow {
  agentId: string;
  agentName: string;
  username: string;
  outletNames: string | null;
  transactions: number;
  reportedCount: number;
  unsettled: number;
  gross: string | null;
  tds: string | null;
  net: string | null;
}

/** Every agent with a successful or unsettled part in the quarter, by name, and the totals. */
export async function quarterSummary(prisma: Pick<PrismaClient, "$queryRaw">, quarter: FiscalQuarter): Promise<QuarterSummary> {
  const { start, end } = quarterRange(quarter);
  const success = Prisma.sql`p.state = 'SUCCESS'`;
  const rows = await prisma.$queryRaw<SummaryRow[]>`
    SELECT t.agent_id::text AS "agentId", u.name AS "agentName", u.username,
           string_agg(DISTINCT o.name, ' / ') FILTER (WHERE ${success}) AS "outletNames",
           (count(*) FILTER (WHERE ${success}))::int AS transactions,
           (count(*) FILTER (WHERE ${success} AND ${reportedSql}))::int AS "reportedCount",
           (count(*) FILTER (WHERE p.state <> 'SUCCESS'))::int AS unsettled,
           (sum(${grossSql}) FILTER (WHERE ${success}))::text AS gross,
           (sum(${tdsSql}) FILTER (WHERE ${success}))::text AS tds,
           (sum(${netSql}) FILTER (WHERE ${success}))::text AS net
    FROM transfer_parts p
      JOIN transfers t ON t.id = p.transfer_id
      JOIN users u ON u.id = t.agent_id
      JOIN outlets o ON o.id = t.outlet_id
    WHERE t.created_at >= ${start} AND t.created_at < ${end} AND p.state IN ('SUCCESS', 'SUBMITTED', 'PENDING')
    GROUP BY t.agent_id, u.name, u.username
    ORDER BY u.name, u.username`;
  const agents = rows.map((r) => ({
    agentId: r.agentId,
    agentName: r.agentName,
    username: r.username,
    outletNames: r.outletNames ?? "",
    transactions: r.transactions,
    reportedCount: r.reportedCount,
    expectedCount: r.transactions - r.reportedCount,
    gross: paise(r.gross ?? 0).toFixed(2),
    tds: paise(r.tds ?? 0).toFixed(2),
    net: paise(r.net ?? 0).toFixed(2),
    unsettled: r.unsettled,
  }));
  const sum = (key: "gross" | "tds" | "net") => agents.reduce((s, a) => s.plus(a[key]), new Decimal(0)).toFixed(2);
  const count = (key: "transactions" | "reportedCount" | "expectedCount" | "unsettled") => agents.reduce((s, a) => s + a[key], 0);
  return {
    agents,
    totals: {
      transactions: count("transactions"),
      reportedCount: count("reportedCount"),
      expectedCount: count("expectedCount"),
      gross: sum("gross"),
      tds: sum("tds"),
      net: sum("net"),
      unsettled: count("unsettled"),
    },
  };
}

/** The financial years the portal has transfers in, newest first, always including the current one. */
export async function financialYears(prisma: Pick<PrismaClient, "transfer">, currentFy: number): Promise<number[]> {
  const first = await prisma.transfer.findFirst({ orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  const firstFy = Math.min(first ? quarterOf(first.createdAt).fy : currentFy, currentFy);
  return Array.from({ length: currentFy - firstFy + 1 }, (_, i) => currentFy - i);
}
