/**
 * The wallet book: double entry over the accounts of prisma/schema.prisma (AccountKind). Every
 * movement of money is one journal entry whose postings sum to zero; the database checks that
 * at commit, keeps each wallet's running balance with each posting, refuses a wallet below
 * zero and any change to a written entry (migration wallet_book). This module is the one way
 * entries are written: it locks the wallets an entry touches, in one order, before it posts,
 * so two entries never wait on each other's wallets, and refuses an entry a wallet cannot
 * cover with the shortfall in rupees instead of a database error. Server code (the portal and
 * the status worker, which is why it is not marked server-only, as lib/ledger is not).
 */
import Decimal from "decimal.js";
import type { AccountKind } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/ledger/context";
import { rupees } from "@/lib/format";
import { said, type Said } from "@/lib/i18n/said";

/** The book's own accounts: one of each, created by the migration. */
export type BookKind = Exclude<AccountKind, "OUTLET_WALLET">;

export const walletKey = (outletId: string) => `wallet:${outletId}`;
export const bookKey = (kind: BookKind) => `book:${kind}`;

/** An entry a wallet cannot cover: nothing was written. */
export class WalletShortError extends Error {
  override name = "WalletShortError";
  constructor(
    readonly outletId: string,
    readonly available: Decimal,
    readonly needed: Decimal,
  ) {
    super(`The outlet's wallet holds ${rupees(available.toFixed(2))}; this needs ${rupees(needed.toFixed(2))}, ${rupees(needed.minus(available).toFixed(2))} more.`);
  }

  get shortfall(): Decimal {
    return this.needed.minus(this.available);
  }
}

/** What the agent reads when the wallet cannot cover a part (or a whole transfer): nothing was sent. */
export function walletShortText(error: WalletShortError, what: "part" | "transfer" = "part"): Said {
  const amounts = { available: rupees(error.available.toFixed(2)), needed: rupees(error.needed.toFixed(2)), shortfall: rupees(error.shortfall.toFixed(2)) };
  return said(what === "part" ? "ledger.walletShortPart" : "ledger.walletShortTransfer", amounts);
}

/** The id of an outlet's wallet, opened (empty) the first time it is asked for. */
export async function walletAccountId(tx: Tx, outletId: string): Promise<string> {
  const key = walletKey(outletId);
  const account = await tx.account.upsert({ where: { key }, create: { key, kind: "OUTLET_WALLET", outletId }, update: {}, select: { id: true } });
  return account.id;
}

/** The id of one of the book's own accounts. */
export async function bookAccountId(tx: Tx, kind: BookKind): Promise<string> {
  const key = bookKey(kind);
  const account = await tx.account.upsert({ where: { key }, create: { key, kind }, update: {}, select: { id: true } });
  return account.id;
}

export interface PostingLine {
  accountId: string;
  /** Added to the account's balance: negative takes money out of it. */
  amount: Decimal.Value;
}

export interface NewEntry {
  cause: string;
  lines: PostingLine[];
  partId?: string;
  eventId?: bigint;
  actorId?: string | null;
  memo?: string;
  /** When the money moved, if not now (the demo's history). */
  at?: Date;
  /**
   * Every wallet the entry posts to, as the caller read it under its row lock in this
   * transaction (a part's move reads its one wallet with its accounts): spares the lock's read.
   */
  lockedWallets?: LockedWallet[];
}

export interface LockedWallet {
  id: string;
  outlet_id: string;
  balance: string;
}

/**
 * Writes one balanced entry in the caller's transaction. Throws WalletShortError, before
 * writing, when a wallet it takes from holds less than it takes.
 */
export async function post(tx: Tx, entry: NewEntry): Promise<bigint> {
  const lines = entry.lines.map((l) => ({ accountId: l.accountId, amount: new Decimal(l.amount).toDecimalPlaces(2) })).filter((l) => !l.amount.isZero());
  const total = lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
  if (lines.length < 2 || !total.isZero()) throw new Error(`An entry (${entry.cause}) must have two or more postings that sum to zero, not ${total.toFixed(2)}.`);
  // The wallets, locked in id order (the same order for every entry), then checked.
  const ids = [...new Set(lines.map((l) => l.accountId))].sort();
  const wallets =
    entry.lockedWallets ??
    (await tx.$queryRaw<LockedWallet[]>`
      SELECT id::text, outlet_id::text, balance::text FROM accounts
      WHERE id = ANY(${ids}::uuid[]) AND kind = 'OUTLET_WALLET' ORDER BY id FOR UPDATE`);
  for (const wallet of wallets) {
    const change = lines.filter((l) => l.accountId === wallet.id).reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
    const available = new Decimal(wallet.balance);
    if (available.plus(change).isNegative()) throw new WalletShortError(wallet.outlet_id, available, change.negated());
  }
  // The entry and its postings in one statement: the postings' balance check (a row trigger
  // run at the statement's end) sees them all, and the money path makes one round trip.
  const [created] = await tx.$queryRaw<{ entry_id: bigint }[]>`
    WITH entry AS (
      INSERT INTO journal_entries (cause, part_id, event_id, actor_id, memo, at)
      VALUES (${entry.cause}, ${entry.partId ?? null}::uuid, ${entry.eventId ?? null}::bigint, ${entry.actorId ?? null}::uuid, ${entry.memo ?? null}, coalesce(${entry.at ?? null}::timestamptz, now()))
      RETURNING id)
    INSERT INTO postings (entry_id, account_id, amount)
    SELECT entry.id, line.account_id, line.amount FROM entry, unnest(${lines.map((l) => l.accountId)}::uuid[], ${lines.map((l) => l.amount.toFixed(2))}::numeric[]) AS line(account_id, amount)
    RETURNING entry_id`;
  return created!.entry_id;
}

/** An outlet's wallet balance as stored (kept with each posting); zero before its first entry. */
export async function walletBalance(tx: Pick<Tx, "account">, outletId: string): Promise<Decimal> {
  const account = await tx.account.findUnique({ where: { key: walletKey(outletId) }, select: { balance: true } });
  return new Decimal(account?.balance.toString() ?? "0");
}

/** Money an outlet paid in, credited to its wallet (an approved fund request, or the demo's opening float). */
export async function postDeposit(tx: Tx, deposit: { outletId: string; amount: Decimal.Value; actorId?: string | null; memo?: string; cause?: string; at?: Date }): Promise<bigint> {
  const amount = new Decimal(deposit.amount);
  return post(tx, {
    cause: deposit.cause ?? "deposit",
    actorId: deposit.actorId,
    memo: deposit.memo,
    at: deposit.at,
    lines: [
      { accountId: await walletAccountId(tx, deposit.outletId), amount },
      { accountId: await bookAccountId(tx, "DEPOSITS_RECEIVED"), amount: amount.negated() },
    ],
  });
}
