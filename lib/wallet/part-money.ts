/**
 * What a transfer part's state change does to the money, in the same transaction as the
 * change (lib/ledger/transition.ts):
 *
 * - sent to AOPay (OTP_SENT to SUBMITTED): the amount and customer charge are taken from the
 *   outlet's wallet and held, refused when the wallet cannot cover them;
 * - succeeded: the hold goes to AOPay, and the outlet is credited the commission the part was
 *   priced with, less TDS, which is owed to the tax department;
 * - back to "not sent", cancelled or refunded: the hold goes back to the wallet.
 *
 * Failed, pending and refund-pending parts keep their hold: AOPay has the money until the part
 * succeeds or is refunded.
 */
import Decimal from "decimal.js";
import type { Tx } from "@/lib/ledger/context";
import type { PartState } from "@/lib/ledger/states";
import { Prisma } from "@/lib/generated/prisma/client";
import { bookAccountId, bookKey, post, walletAccountId, walletKey, type BookKind, type LockedWallet } from "@/lib/wallet/book";

/** The states in which a part's money is held: sent to AOPay, not yet settled or returned. */
export const heldStates: readonly PartState[] = ["SUBMITTED", "PENDING", "FAILED", "REFUND_PENDING"];

export type PartMoneyMove = "hold" | "settle" | "release";

/** The move a state change makes, or null when the money stays where it is. */
export function partMoneyMove(from: PartState, to: PartState): PartMoneyMove | null {
  const wasHeld = heldStates.includes(from);
  const isHeld = heldStates.includes(to);
  if (!wasHeld && isHeld) return "hold";
  if (wasHeld && to === "SUCCESS") return "settle";
  if (wasHeld && !isHeld) return "release";
  return null;
}

/** The part's figures the entries use. */
export interface PartMoney {
  id: string;
  outletId: string;
  amount: Decimal.Value;
  customerCharge: Decimal.Value;
  commission: Decimal.Value;
  tds: Decimal.Value;
  netCommission: Decimal.Value;
}

const causes: Record<PartMoneyMove, string> = { hold: "part_held", settle: "part_settled", release: "part_released" };

/**
 * partMoneyMove's rule in SQL, over the transfer event row `ev` (from_state, to_state): the
 * cause of the entry the change makes, or NULL. For the queries that check or write the book
 * in bulk (the trial balance's tie-out, the benchmark's seed). The states are this module's own
 * constants, so the text holds no outside input.
 */
export function moveCauseSql(ev = "ev"): string {
  const held = `ARRAY[${heldStates.map((s) => `'${s}'`).join(", ")}]`;
  const wasHeld = `coalesce(${ev}.from_state::text = ANY(${held}), false)`;
  const isHeld = `${ev}.to_state::text = ANY(${held})`;
  return `CASE WHEN NOT ${wasHeld} AND ${isHeld} THEN '${causes.hold}' WHEN ${wasHeld} AND ${ev}.to_state::text = 'SUCCESS' THEN '${causes.settle}' WHEN ${wasHeld} AND NOT ${isHeld} THEN '${causes.release}' END`;
}

/** The figures of a part read with its transfer. */
export function moneyOf(part: Omit<PartMoney, "outletId"> & { transfer: { outletId: string } }): PartMoney {
  return { id: part.id, outletId: part.transfer.outletId, amount: part.amount, customerCharge: part.customerCharge, commission: part.commission, tds: part.tds, netCommission: part.netCommission };
}

/** A part's figures and its outlet, read in the state change's transaction. */
export async function partMoney(tx: Tx, partId: string): Promise<PartMoney> {
  const part = await tx.transferPart.findUniqueOrThrow({
    where: { id: partId },
    select: { id: true, amount: true, customerCharge: true, commission: true, tds: true, netCommission: true, transfer: { select: { outletId: true } } },
  });
  return { ...part, outletId: part.transfer.outletId };
}

/**
 * The accounts a move posts to, the outlet's wallet under its row lock (as book.ts's post
 * checks it), and what the book holds for the part now (its holds less what was settled or
 * given back) when the move needs it: one read. An outlet's wallet is opened the first time it
 * is needed (then post locks it); the book's own accounts are made by its migration.
 */
async function moveAccounts(tx: Tx, part: PartMoney, kinds: readonly BookKind[], withHeld: boolean) {
  const held = withHeld
    ? Prisma.sql`(SELECT coalesce(sum(p.amount), 0) FROM postings p JOIN journal_entries e ON e.id = p.entry_id JOIN accounts a ON a.id = p.account_id
                  WHERE e.part_id = ${part.id}::uuid AND a.key = ${bookKey("HELD_FOR_TRANSFERS")})::text`
    : Prisma.sql`NULL`;
  const [row] = await tx.$queryRaw<{ book: string | null; wallet: string | null; balance: string | null; held: string | null }[]>`
    WITH wallet AS (SELECT id, balance FROM accounts WHERE key = ${walletKey(part.outletId)} FOR UPDATE)
    SELECT (SELECT json_object_agg(key, id::text) FROM accounts WHERE key = ANY(${kinds.map(bookKey)}::text[]))::text AS book,
           (SELECT id::text FROM wallet) AS wallet, (SELECT balance::text FROM wallet) AS balance, ${held} AS held`;
  const ids = JSON.parse(row?.book ?? "{}") as Record<string, string>;
  const book = {} as Record<BookKind, string>;
  for (const kind of kinds) book[kind] = ids[bookKey(kind)] ?? (await bookAccountId(tx, kind));
  const locked: LockedWallet[] | undefined = row?.wallet ? [{ id: row.wallet, outlet_id: part.outletId, balance: row.balance! }] : undefined;
  return { wallet: row?.wallet ?? (await walletAccountId(tx, part.outletId)), locked, book, held: new Decimal(row?.held ?? "0") };
}

const moveKinds: Record<PartMoneyMove, readonly BookKind[]> = {
  hold: ["HELD_FOR_TRANSFERS"],
  release: ["HELD_FOR_TRANSFERS"],
  settle: ["HELD_FOR_TRANSFERS", "AOPAY_SETTLEMENT", "COMMISSION_PAID", "TDS_PAYABLE"],
};

/**
 * Posts the move's entry for `part`; throws WalletShortError for a hold the wallet cannot
 * cover. A settlement or a return moves what the book holds for the part (nothing for a part
 * sent before the book began), so no part is paid out twice or from nothing.
 */
export async function postPartMove(tx: Tx, move: PartMoneyMove, part: PartMoney, by: { actorId: string | null; eventId?: bigint; at?: Date }): Promise<void> {
  const { wallet, locked, book, held } = await moveAccounts(tx, part, moveKinds[move], move !== "hold");
  const heldAccount = book.HELD_FOR_TRANSFERS;
  const lines =
    move === "hold"
      ? holdLines(wallet, heldAccount, new Decimal(part.amount).plus(part.customerCharge))
      : move === "release"
        ? holdLines(wallet, heldAccount, held).map((l) => ({ ...l, amount: l.amount.negated() }))
        : [
            ...holdLines(book.AOPAY_SETTLEMENT, heldAccount, held).map((l) => ({ ...l, amount: l.amount.negated() })),
            { accountId: book.COMMISSION_PAID, amount: new Decimal(part.commission).negated() },
            { accountId: wallet, amount: new Decimal(part.netCommission) },
            { accountId: book.TDS_PAYABLE, amount: new Decimal(part.tds) },
          ];
  // Nothing to move (a return of nothing held, a success of a part priced at no commission).
  if (lines.every((l) => l.amount.isZero())) return;
  await post(tx, { cause: causes[move], partId: part.id, eventId: by.eventId, actorId: by.actorId, at: by.at, lines, lockedWallets: locked });
}

/** `amount` taken from `from` into `held`. */
function holdLines(from: string, held: string, amount: Decimal) {
  return [
    { accountId: from, amount: amount.negated() },
    { accountId: held, amount },
  ];
}
