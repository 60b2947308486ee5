/**
 * An outlet's wallet statement: each movement of its wallet, newest first, with what it was
 * for (a part and its reference, a deposit) and the balance after it.
 */
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { walletKey } from "@/lib/wallet/book";

export interface StatementLine {
  entryId: string;
  at: Date;
  cause: string;
  /** What the line is for, in the agent's words. */
  what: string;
  reference: string | null;
  /** Into the wallet (positive) or out of it (negative). */
  amount: string;
  balanceAfter: string;
}

/** What each kind of entry means for the outlet. */
const causeWords: Record<string, string> = {
  part_held: "Sent to AOPay: amount and charge",
  part_released: "Given back: not sent or refunded",
  part_settled: "Commission, less TDS",
  deposit: "Deposit",
  adjustment_credit: "Adjustment credited",
  adjustment_debit: "Adjustment debited",
};

/** Entries whose memo the outlet reads with the line: the payment, or the admin's reason. */
const memoShown = new Set(["deposit", "adjustment_credit", "adjustment_debit"]);

export function entryCauseText(cause: string): string {
  return causeWords[cause] ?? cause.replaceAll("_", " ");
}

/** A line's words: what the entry was, with the payment or the reason where there is one. */
export function lineWhat(cause: string, memo: string | null): string {
  return memo && memoShown.has(cause) ? `${entryCauseText(cause)}: ${memo}` : entryCauseText(cause);
}

/** The wallet's balance and its latest `take` lines. */
export async function walletStatement(prisma: Pick<PrismaClient, "$queryRaw" | "account">, outletId: string, take = 100): Promise<{ balance: string; lines: StatementLine[] }> {
  const account = await prisma.account.findUnique({ where: { key: walletKey(outletId) }, select: { id: true, balance: true } });
  if (!account) return { balance: "0.00", lines: [] };
  const rows = await prisma.$queryRaw<{ entry_id: bigint; at: Date; cause: string; memo: string | null; reference: string | null; amount: string; balance_after: string }[]>`
    SELECT * FROM (
      SELECT e.id AS entry_id, e.at, e.cause, e.memo, tp.reference, p.amount::text AS amount,
             (sum(p.amount) OVER (ORDER BY e.id))::text AS balance_after
      FROM postings p JOIN journal_entries e ON e.id = p.entry_id LEFT JOIN transfer_parts tp ON tp.id = e.part_id
      WHERE p.account_id = ${account.id}::uuid
    ) lines ORDER BY entry_id DESC LIMIT ${take}`;
  return {
    balance: new Decimal(account.balance.toString()).toFixed(2),
    lines: rows.map((r) => ({
      entryId: r.entry_id.toString(),
      at: r.at,
      cause: r.cause,
      what: lineWhat(r.cause, r.memo),
      reference: r.reference,
      amount: new Decimal(r.amount).toFixed(2),
      balanceAfter: new Decimal(r.balance_after).toFixed(2),
    })),
  };
}
