/**
 * The book's trial balance: every account's total, the book's sum (zero, always), and the
 * tie-out of what is held for transfers against the ledger's parts. Every part in a held state
 * (sent, pending, failed, refund pending) must have its amount and charge held, exactly once, and
 * every other part nothing; any part that does not is listed.
 */
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AccountKind } from "@/lib/generated/prisma/enums";
import { heldStates } from "@/lib/wallet/part-money";

export interface AccountTotal {
  kind: AccountKind;
  outletName: string | null;
  total: string;
}

export interface HeldDifference {
  reference: string;
  state: string;
  expected: string;
  held: string;
}

export interface TrialBalance {
  accounts: AccountTotal[];
  /** The sum of every posting: zero unless the book is broken. */
  bookTotal: string;
  /** The wallets together: what the business owes the outlets. */
  walletsTotal: string;
  differences: HeldDifference[];
}

/** As of now; at most `limit` differences are listed. */
export async function trialBalance(prisma: Pick<PrismaClient, "$queryRaw">, limit = 100): Promise<TrialBalance> {
  const held = [...heldStates];
  const [accounts, differences] = await Promise.all([
    prisma.$queryRaw<{ kind: AccountKind; outlet_name: string | null; total: string }[]>`
      SELECT a.kind, o.name AS outlet_name, coalesce(sum(p.amount), 0)::text AS total
      FROM accounts a LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN postings p ON p.account_id = a.id
      GROUP BY a.id, a.kind, o.name ORDER BY a.kind, o.name`,
    prisma.$queryRaw<{ reference: string; state: string; expected: string; held: string }[]>`
      WITH held AS (
        SELECT e.part_id, sum(p.amount) AS held FROM postings p
        JOIN journal_entries e ON e.id = p.entry_id JOIN accounts a ON a.id = p.account_id
        WHERE a.kind = 'HELD_FOR_TRANSFERS' AND e.part_id IS NOT NULL GROUP BY e.part_id
      )
      SELECT tp.reference, tp.state::text AS state,
             (CASE WHEN tp.state::text = ANY(${held}::text[]) THEN tp.amount + tp.customer_charge ELSE 0 END)::text AS expected,
             coalesce(h.held, 0)::text AS held
      FROM transfer_parts tp LEFT JOIN held h ON h.part_id = tp.id
      WHERE coalesce(h.held, 0) <> (CASE WHEN tp.state::text = ANY(${held}::text[]) THEN tp.amount + tp.customer_charge ELSE 0 END)
      ORDER BY tp.created_at LIMIT ${limit}`,
  ]);
  const sum = (rows: { total: string }[]) => rows.reduce((s, r) => s.plus(r.total), new Decimal(0)).toFixed(2);
  return {
    accounts: accounts.map((a) => ({ kind: a.kind, outletName: a.outlet_name, total: new Decimal(a.total).toFixed(2) })),
    bookTotal: sum(accounts),
    walletsTotal: sum(accounts.filter((a) => a.kind === "OUTLET_WALLET")),
    differences: differences.map((d) => ({ reference: d.reference, state: d.state, expected: new Decimal(d.expected).toFixed(2), held: new Decimal(d.held).toFixed(2) })),
  };
}
