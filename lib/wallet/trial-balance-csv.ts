/**
 * A day's trial balance as CSV: the accounts with their opening, movements and closing, the
 * book's line (zero in every column), the tie-out with the day's transfers, then each
 * difference. Streamed section by section, formula-safe as every download.
 */
import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { istTimestamp, safeCell } from "@/lib/csv/cells";
import { pullStream } from "@/lib/csv/pull-stream";
import { accountKindLabels, tieOutLabels } from "@/lib/wallet/account-labels";
import { trialBalance } from "@/lib/wallet/trial-balance";

export const trialBalanceColumns = ["Account", "Opening", "In", "Out", "Closing"] as const;

export async function* trialBalanceRows(prisma: Pick<PrismaClient, "$queryRaw" | "$executeRawUnsafe">, day: string): AsyncGenerator<string> {
  const tb = await trialBalance(prisma, day, 10_000);
  yield stringify([["Trial balance of the wallet book", day], [], [...trialBalanceColumns]]);
  yield stringify(tb.accounts.map((a) => [safeCell(a.outletName ? `${accountKindLabels[a.kind]}: ${a.outletName}` : accountKindLabels[a.kind]), a.opening, a.in, a.out, a.closing]));
  yield stringify([["The book (sums to zero)", tb.book.opening, tb.book.in, tb.book.out, tb.book.closing], [], ["Tie-out with the day's transfers", "State changes", "Entries", "Amount"]]);
  yield stringify(tb.tieOut.map((t) => [tieOutLabels[t.cause], String(t.changes), String(t.entries), t.amount]));
  yield stringify([[], ["Differences", "Reference", "When (IST)", "Change", "Should hold", "Holds"]]);
  const rows = [
    ...tb.tieOutDifferences.map((d) => [safeCell(d.problem), safeCell(d.reference), istTimestamp(d.at), safeCell(d.change), "", ""]),
    ...tb.differences.map((d) => ["Hold does not match the state now", safeCell(d.reference), "", d.state, d.expected, d.held]),
  ];
  yield stringify(rows.length ? rows : [["None"]]);
}

export function trialBalanceStream(prisma: Pick<PrismaClient, "$queryRaw" | "$executeRawUnsafe">, day: string, onError?: (error: unknown) => void): ReadableStream<Uint8Array> {
  return pullStream(trialBalanceRows(prisma, day), onError);
}
