/**
 * An outlet's whole wallet statement as CSV, oldest first, with the balance after each line:
 * the postings of its wallet read in keyset batches on (entry, posting) along the
 * (account, entry) index (never OFFSET, never
 * every row at once), the running balance carried from batch to batch, so memory stays flat
 * however long the outlet has traded. Text from users (a reason, a payment's note) is
 * formula-safe, as in every download.
 */
import { stringify } from "csv-stringify/sync";
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { istTimestamp, safeCell } from "@/lib/csv/cells";
import { pullStream } from "@/lib/csv/pull-stream";
import { walletKey } from "@/lib/wallet/book";
import { lineWhat } from "@/lib/wallet/statement";

export const walletStatementColumns = ["Date (IST)", "Entry", "What", "Reference", "In", "Out", "Balance"] as const;

export const defaultStatementBatchSize = 2000;

type StatementDb = Pick<PrismaClient, "$queryRaw" | "account">;

export async function* walletStatementRows(prisma: StatementDb, outletId: string, batchSize = defaultStatementBatchSize): AsyncGenerator<string> {
  yield stringify([[...walletStatementColumns]]);
  const account = await prisma.account.findUnique({ where: { key: walletKey(outletId) }, select: { id: true } });
  if (!account) return;
  let balance = new Decimal(0);
  let after = { entry: 0n, posting: 0n };
  for (;;) {
    const rows = await prisma.$queryRaw<{ posting_id: bigint; entry_id: bigint; at: Date; cause: string; memo: string | null; reference: string | null; amount: string }[]>`
      SELECT p.id AS posting_id, e.id AS entry_id, e.at, e.cause, e.memo, tp.reference, p.amount::text AS amount
      FROM postings p JOIN journal_entries e ON e.id = p.entry_id LEFT JOIN transfer_parts tp ON tp.id = e.part_id
      WHERE p.account_id = ${account.id}::uuid AND (p.entry_id, p.id) > (${after.entry}, ${after.posting})
      ORDER BY p.entry_id, p.id LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield stringify(
      rows.map((r) => {
        const amount = new Decimal(r.amount);
        balance = balance.plus(amount);
        return [istTimestamp(r.at), r.entry_id.toString(), safeCell(lineWhat(r.cause, r.memo)), safeCell(r.reference), amount.isPositive() ? amount.toFixed(2) : "", amount.isNegative() ? amount.negated().toFixed(2) : "", balance.toFixed(2)];
      }),
    );
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { entry: last.entry_id, posting: last.posting_id };
  }
}

export function walletStatementStream(prisma: StatementDb, outletId: string, options: { batchSize?: number; onError?: (error: unknown) => void } = {}): ReadableStream<Uint8Array> {
  return pullStream(walletStatementRows(prisma, outletId, options.batchSize), options.onError);
}

/** wallet-<outlet>-<day>.csv, the outlet's name made safe for a file name. */
export function walletStatementFileName(outletName: string, day: string): string {
  const slug = outletName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "outlet";
  return `wallet-${slug}-${day}.csv`;
}
