/**
 * The wallets of the outlets a scope covers, for the supervisor's and the admin's list: each
 * balance, whether it is below the low-balance setting, the last movement, and the top-up
 * requests still waiting. Outlets without a wallet yet show Rs 0.
 */
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReviewScope } from "@/lib/review/scope";

export interface OutletWallet {
  outletId: string;
  outletName: string;
  active: boolean;
  balance: string;
  /** Below the low-balance setting: the outlet will soon turn customers away. */
  low: boolean;
  lastMovementAt: Date | null;
  waitingTopUps: number;
}

export async function outletWallets(prisma: Pick<PrismaClient, "$queryRaw">, scope: ReviewScope, lowBalanceRupees: number): Promise<OutletWallet[]> {
  const ids = scope.all ? null : scope.outletIds;
  const rows = await prisma.$queryRaw<{ id: string; name: string; active: boolean; balance: string; last_at: Date | null; waiting: number }[]>`
    SELECT o.id::text, o.name, o.active, coalesce(a.balance, 0)::text AS balance,
           (SELECT e.at FROM journal_entries e WHERE e.id = (SELECT max(p.entry_id) FROM postings p WHERE p.account_id = a.id)) AS last_at,
           (SELECT count(*)::int FROM fund_requests f WHERE f.outlet_id = o.id AND f.status = 'PENDING') AS waiting
    FROM outlets o LEFT JOIN accounts a ON a.outlet_id = o.id AND a.kind = 'OUTLET_WALLET'
    WHERE ${ids}::uuid[] IS NULL OR o.id = ANY(${ids}::uuid[])
    ORDER BY coalesce(a.balance, 0) < ${lowBalanceRupees} DESC, o.name`;
  return rows.map((r) => ({
    outletId: r.id,
    outletName: r.name,
    active: r.active,
    balance: new Decimal(r.balance).toFixed(2),
    low: new Decimal(r.balance).lessThan(lowBalanceRupees),
    lastMovementAt: r.last_at,
    waitingTopUps: r.waiting,
  }));
}
