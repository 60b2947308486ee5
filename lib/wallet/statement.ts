/**
 * An outlet's wallet statement: each movement of its wallet, newest first, with what it was
 * for (a part and its reference, a deposit) and the balance after it.
 */
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { walletKey } from "@/lib/wallet/book";
import { said } from "@/lib/i18n/said";
import type { MessageKey } from "@/lib/i18n/message-key";

export interface StatementLine {
  entryId: string;
  at: Date;
  cause: string;
  /** What the line is for, in English (the CSV statement); screens say `cause` and `memo` in the reader's language. */
  what: string;
  /** The payment, or the admin's reason, where the line shows one. */
  memo: string | null;
  reference: string | null;
  /** Into the wallet (positive) or out of it (negative). */
  amount: string;
  balanceAfter: string;
}

/** What each kind of entry means for the outlet, as a message key. */
export const statementCauseKeys: Record<string, MessageKey> = {
  part_held: "statementCauses.part_held",
  part_released: "statementCauses.part_released",
  part_settled: "statementCauses.part_settled",
  deposit: "statementCauses.deposit",
  adjustment_credit: "statementCauses.adjustment_credit",
  adjustment_debit: "statementCauses.adjustment_debit",
};

/** Entries whose memo the outlet reads with the line: the payment, or the admin's reason. */
const memoShown = new Set(["deposit", "adjustment_credit", "adjustment_debit"]);

/** An entry's kind in words, by `say` (English unless told otherwise: the CSV statement, the audit trail). */
export function entryCauseText(cause: string, say: (key: MessageKey) => string = (key) => said(key).english): string {
  const key = statementCauseKeys[cause];
  return key ? say(key) : cause.replaceAll("_", " ");
}

/** The memo a line shows: the payment, or the admin's reason, where the entry has one. */
export function shownMemo(cause: string, memo: string | null): string | null {
  return memo && memoShown.has(cause) ? memo : null;
}

/** A line's words: what the entry was, with the payment or the reason where there is one. */
export function lineWhat(cause: string, memo: string | null, say?: (key: MessageKey) => string): string {
  const shown = shownMemo(cause, memo);
  return shown ? `${entryCauseText(cause, say)}: ${shown}` : entryCauseText(cause, say);
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
      memo: shownMemo(r.cause, r.memo),
      reference: r.reference,
      amount: new Decimal(r.amount).toFixed(2),
      balanceAfter: new Decimal(r.balance_after).toFixed(2),
    })),
  };
}
