/**
 * The supervisor's day at a glance: counts and sums by state and by mode, the success rate,
 * charges and commission, and volume by hour of the day (India time). One grouped query over
 * the range's hourly summaries; what it folds in memory is at most states x modes x 24 rows.
 */
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { compactSummaries, istHourRangeSql, summarySql } from "@/lib/ledger/report-summaries";
import type { PartState } from "@/lib/ledger/states";
import type { ReviewScope } from "@/lib/review/scope";

/** Parts that reached AOPay's money call: the success rate's denominator. */
const sentStates: readonly PartState[] = ["SUBMITTED", "PENDING", "SUCCESS", "FAILED", "REFUND_PENDING", "REFUNDED"];

export interface CountAndSum {
  count: number;
  amount: string;
}

export interface DayTotals {
  parts: CountAndSum;
  byState: Record<string, CountAndSum>;
  byMode: Record<string, CountAndSum>;
  sent: number;
  succeeded: CountAndSum;
  /** Successful parts over parts sent to AOPay, 0..1; null when none was sent. */
  successRate: number | null;
  /** Customer charges (GST included) and gross commission the plan expects, successful parts only. */
  charges: string;
  commission: string;
  /** Parts whose AOPay reply contradicted itself, not yet settled by a person. */
  conflicting: number;
  /** Hours 0-23, India time: every part started that hour, and the amount that succeeded. */
  hourly: { hour: number; count: number; amount: number; succeededAmount: number }[];
}

interface Row {
  state: PartState;
  mode: string;
  hour: number;
  count: number;
  amount: Prisma.Decimal;
  charges: Prisma.Decimal;
  commission: Prisma.Decimal;
  conflicting: number;
}

export function scopeSql(scope: ReviewScope, alias = "t"): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  if (scope.outletIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(alias)}.outlet_id IN (${Prisma.join(scope.outletIds.map((id) => Prisma.sql`${id}::uuid`))})`;
}

/** The range's totals, from part_hour_totals (lib/ledger/report-summaries.ts): whole India hours only. */
export async function dayTotals(prisma: PrismaClient, scope: ReviewScope, range: { start: Date; end: Date }): Promise<DayTotals> {
  await compactSummaries(prisma, "part_hour_totals");
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT h.state::text AS state, h.mode::text AS mode, extract(hour FROM h.ist_hour)::int AS hour,
           sum(h.parts)::int AS count, sum(h.amount) AS amount,
           sum(h.customer_charge) AS charges, sum(h.commission) AS commission, sum(h.conflicting)::int AS conflicting
    FROM ${summarySql("part_hour_totals")} h
    WHERE ${istHourRangeSql(range, "h")} AND ${scopeSql(scope, "h")}
    GROUP BY 1, 2, 3
    HAVING sum(h.parts) > 0`;

  const add = (into: Record<string, { count: number; amount: Decimal }>, key: string, row: Row) => {
    const slot = (into[key] ??= { count: 0, amount: new Decimal(0) });
    slot.count += row.count;
    slot.amount = slot.amount.plus(row.amount.toString());
  };
  const byState: Record<string, { count: number; amount: Decimal }> = {};
  const byMode: Record<string, { count: number; amount: Decimal }> = {};
  const hourly = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0, amount: new Decimal(0), succeededAmount: new Decimal(0) }));
  let charges = new Decimal(0);
  let commission = new Decimal(0);
  let conflicting = 0;
  for (const row of rows) {
    conflicting += row.conflicting;
    add(byState, row.state, row);
    add(byMode, row.mode, row);
    const h = hourly[row.hour]!;
    h.count += row.count;
    h.amount = h.amount.plus(row.amount.toString());
    if (row.state === "SUCCESS") {
      h.succeededAmount = h.succeededAmount.plus(row.amount.toString());
      charges = charges.plus(row.charges.toString());
      commission = commission.plus(row.commission.toString());
    }
  }
  const out = (v: { count: number; amount: Decimal }) => ({ count: v.count, amount: v.amount.toFixed(2) });
  const total = Object.values(byState).reduce((s, v) => ({ count: s.count + v.count, amount: s.amount.plus(v.amount) }), { count: 0, amount: new Decimal(0) });
  const sent = sentStates.reduce((n, s) => n + (byState[s]?.count ?? 0), 0);
  const succeeded = byState.SUCCESS ?? { count: 0, amount: new Decimal(0) };
  return {
    parts: out(total),
    byState: Object.fromEntries(Object.entries(byState).map(([k, v]) => [k, out(v)])),
    byMode: Object.fromEntries(Object.entries(byMode).map(([k, v]) => [k, out(v)])),
    sent,
    succeeded: out(succeeded),
    successRate: sent ? succeeded.count / sent : null,
    charges: charges.toFixed(2),
    commission: commission.toFixed(2),
    conflicting,
    hourly: hourly.map((h) => ({ hour: h.hour, count: h.count, amount: h.amount.toNumber(), succeededAmount: h.succeededAmount.toNumber() })),
  };
}
