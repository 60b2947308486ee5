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
import "server-only";
import Decimal from "decimal.js";
import type { Tx } from "@/lib/ledger/context";
import type { PartState } from "@/lib/ledger/states";
import { bookAccountId, post, walletAccountId } from "@/lib/wallet/book";

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

/** Posts the move's entry for `part`; throws WalletShortError for a hold the wallet cannot cover. */
export async function postPartMove(tx: Tx, move: PartMoneyMove, part: PartMoney, by: { actorId: string | null; eventId?: bigint }): Promise<void> {
  const wallet = await walletAccountId(tx, part.outletId);
  const held = await bookAccountId(tx, "HELD_FOR_TRANSFERS");
  const paid = new Decimal(part.amount).plus(part.customerCharge);
  const lines =
    move === "hold"
      ? [
          { accountId: wallet, amount: paid.negated() },
          { accountId: held, amount: paid },
        ]
      : move === "release"
        ? [
            { accountId: held, amount: paid.negated() },
            { accountId: wallet, amount: paid },
          ]
        : [
            { accountId: held, amount: paid.negated() },
            { accountId: await bookAccountId(tx, "AOPAY_SETTLEMENT"), amount: paid },
            { accountId: await bookAccountId(tx, "COMMISSION_PAID"), amount: new Decimal(part.commission).negated() },
            { accountId: wallet, amount: part.netCommission },
            { accountId: await bookAccountId(tx, "TDS_PAYABLE"), amount: part.tds },
          ];
  await post(tx, { cause: causes[move], partId: part.id, eventId: by.eventId, actorId: by.actorId, lines });
}
