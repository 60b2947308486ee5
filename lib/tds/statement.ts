/**
 * TDS statements under section 194H: each agent's commission for one financial-year quarter,
 * the TDS deducted from it, and the net.
 *
 * What counts: transfer parts in state SUCCESS, by the India day their transfer was made (a
 * part starts at its transfer's instant, as on the review screens and in their export, so all
 * parts of a transfer fall in one quarter). Commission is earned on a successful transfer only,
 * so failed, refunded and cancelled parts never count; parts still SUBMITTED or PENDING are not
 * counted until they succeed, and are reported as "not settled yet".
 *
 * Which figures: lib/tds/figures.ts's choice, AOPay's where it reported them, else the plan's.
 * Every statement says how many parts came from each. The sums come from part_day_totals.
 */
import "server-only";
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { indiaDay } from "@/lib/days";
import { compactSummaries, summarySql } from "@/lib/ledger/report-summaries";
import { paise } from "@/lib/tds/figures";
import { quarterOf, quarterRange, type FiscalQuarter } from "@/lib/tds/quarter";

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

/** Every agent with a successful or unsettled part in the quarter, by name, and the totals (from part_day_totals). */
export async function quarterSummary(prisma: Pick<PrismaClient, "$queryRaw" | "$executeRawUnsafe">, quarter: FiscalQuarter): Promise<QuarterSummary> {
  const { start, end } = quarterRange(quarter);
  const success = Prisma.sql`d.state = 'SUCCESS'`;
  await compactSummaries(prisma, "part_day_totals");
  const rows = await prisma.$queryRaw<SummaryRow[]>`
    WITH d AS (
      SELECT agent_id, outlet_id, state, sum(parts) AS parts, sum(tds_reported) AS tds_reported,
             sum(tds_gross) AS tds_gross, sum(tds_tds) AS tds_tds, sum(tds_net) AS tds_net
      FROM ${summarySql("part_day_totals")} d
      WHERE d.day >= ${indiaDay(start)}::date AND d.day < ${indiaDay(end)}::date AND d.state IN ('SUCCESS', 'SUBMITTED', 'PENDING')
      GROUP BY agent_id, outlet_id, state
      HAVING sum(parts) > 0
    )
    SELECT d.agent_id::text AS "agentId", u.name AS "agentName", u.username,
           string_agg(DISTINCT o.name, ' / ') FILTER (WHERE ${success}) AS "outletNames",
           coalesce(sum(d.parts) FILTER (WHERE ${success}), 0)::int AS transactions,
           coalesce(sum(d.tds_reported) FILTER (WHERE ${success}), 0)::int AS "reportedCount",
           coalesce(sum(d.parts) FILTER (WHERE d.state <> 'SUCCESS'), 0)::int AS unsettled,
           (sum(d.tds_gross) FILTER (WHERE ${success}))::text AS gross,
           (sum(d.tds_tds) FILTER (WHERE ${success}))::text AS tds,
           (sum(d.tds_net) FILTER (WHERE ${success}))::text AS net
    FROM d
      JOIN users u ON u.id = d.agent_id
      JOIN outlets o ON o.id = d.outlet_id
    GROUP BY d.agent_id, u.name, u.username
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
