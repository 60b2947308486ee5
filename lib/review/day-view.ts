/**
 * The supervisor's day at a glance: counts and sums by state and by mode, the success rate,
 * charges and commission, and volume by hour of the day (India time). One grouped query over
 * the range; what it folds in memory is at most states x modes x 24 rows.
 */
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { indiaTimeZoneSql } from "@/lib/db/india-time-sql";
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

export async function dayTotals(
  prisma: PrismaClient,
  scope: ReviewScope,
  range: { start: Date; end: Date },
  only: { outletId?: string; agentId?: string } = {},
): Promise<DayTotals> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT p.state::text AS state, t.mode::text AS mode,
           extract(hour FROM t.created_at AT TIME ZONE ${indiaTimeZoneSql})::int AS hour,
           count(*)::int AS count, sum(p.amount) AS amount,
           sum(p.customer_charge) AS charges, sum(p.commission) AS commission,
           count(*) FILTER (WHERE p.conflicting_at IS NOT NULL AND p.conflict_settled_at IS NULL)::int AS conflicting
    FROM transfers t JOIN transfer_parts p ON p.transfer_id = t.id
    WHERE t.created_at >= ${range.start} AND t.created_at < ${range.end} AND ${scopeSql(scope)}
      ${only.outletId ? Prisma.sql`AND t.outlet_id = ${only.outletId}::uuid` : Prisma.empty}
      ${only.agentId ? Prisma.sql`AND t.agent_id = ${only.agentId}::uuid` : Prisma.empty}
    GROUP BY 1, 2, 3`;

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
