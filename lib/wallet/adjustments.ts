/**
 * Manual credits and debits of an outlet's wallet, with two people above a limit
 * (maker-checker): an admin proposes an adjustment with its reason; one at or below the limit
 * posts at once, one above it waits until a second admin approves it (it posts then) or
 * rejects it. The maker never decides their own: this module refuses it, and so does the
 * database (wallet_adjustments_checker_not_maker). A debit the wallet cannot cover is refused
 * with the shortfall and stays waiting. Every step is audited.
 */
import "server-only";
import Decimal from "decimal.js";
import type { Actor } from "@/lib/admin/common";
import { recordAudit } from "@/lib/audit";
import { rupees } from "@/lib/format";
import { said } from "@/lib/i18n/said";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AdjustmentDirection } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/ledger/context";
import { Refusal } from "@/lib/refusal";
import type * as z from "@/lib/validations/zod";
import type { adjustmentSchema, decisionSchema } from "@/lib/validations/wallet";
import { bookAccountId, post, walletAccountId, WalletShortError } from "@/lib/wallet/book";

/** Writes the adjustment's entry: the wallet against the book's Adjustments account. */
async function postAdjustment(tx: Tx, adjustment: { outletId: string; direction: AdjustmentDirection; amount: Decimal.Value; reason: string }, actorId: string): Promise<bigint> {
  const amount = new Decimal(adjustment.amount);
  const intoWallet = adjustment.direction === "CREDIT" ? amount : amount.negated();
  try {
    return await post(tx, {
      cause: adjustment.direction === "CREDIT" ? "adjustment_credit" : "adjustment_debit",
      actorId,
      memo: adjustment.reason,
      lines: [
        { accountId: await walletAccountId(tx, adjustment.outletId), amount: intoWallet },
        { accountId: await bookAccountId(tx, "ADJUSTMENTS"), amount: intoWallet.negated() },
      ],
    });
  } catch (error) {
    if (error instanceof WalletShortError) {
      throw new Refusal(
        said("walletAdmin.adjustments.refusals.walletShort", { available: rupees(error.available.toFixed(2)), needed: rupees(error.needed.toFixed(2)) }),
        "amount",
        said("walletAdmin.adjustments.refusals.moreThanHeld"),
      );
    }
    throw error;
  }
}

export interface ProposedAdjustment {
  id: string;
  posted: boolean;
  outletName: string;
  amount: string;
}

/**
 * An admin's adjustment: posted now when `approvalRupees` allows it, otherwise kept waiting for
 * a second admin.
 */
export async function proposeAdjustment(prisma: PrismaClient, maker: Actor, input: z.output<typeof adjustmentSchema>, approvalRupees: number, now = new Date()): Promise<ProposedAdjustment> {
  return prisma.$transaction(async (tx) => {
    const outlet = await tx.outlet.findUnique({ where: { id: input.outletId }, select: { name: true } });
    if (!outlet) throw new Refusal(said("actions.checkFields"), "outletId", said("walletAdmin.adjustments.refusals.noOutlet"));
    const needsChecker = new Decimal(input.amount).greaterThan(approvalRupees);
    const entryId = needsChecker ? null : await postAdjustment(tx, input, maker.id);
    const adjustment = await tx.walletAdjustment.create({
      data: {
        outletId: input.outletId,
        direction: input.direction,
        amount: input.amount,
        reason: input.reason,
        status: needsChecker ? "PENDING" : "POSTED",
        makerId: maker.id,
        entryId,
        ...(needsChecker ? {} : { decidedAt: now }),
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: maker.id,
      actorLabel: maker.username,
      action: needsChecker ? "wallet.adjustment_proposed" : "wallet.adjustment_posted",
      targetType: "wallet_adjustment",
      targetId: adjustment.id,
      details: { outlet: outlet.name, direction: input.direction, amount: adjustment.amount.toFixed(2), reason: input.reason, ...(needsChecker ? { approvalAbove: approvalRupees } : {}) },
      ip: maker.ip,
    });
    return { id: adjustment.id, posted: !needsChecker, outletName: outlet.name, amount: rupees(adjustment.amount.toFixed(2)) };
  });
}

/**
 * A second admin's approval (which posts it) or rejection of a waiting adjustment. The row is
 * locked first, so two admins deciding at once post it once.
 */
export async function decideAdjustment(prisma: PrismaClient, checker: Actor, input: z.output<typeof decisionSchema>, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM wallet_adjustments WHERE id = ${input.id}::uuid FOR UPDATE`;
    if (!locked) throw new Refusal(said("walletAdmin.adjustments.refusals.noAdjustment"));
    const adjustment = await tx.walletAdjustment.findUniqueOrThrow({ where: { id: input.id }, include: { outlet: { select: { name: true } } } });
    if (adjustment.status !== "PENDING") throw new Refusal(said("walletAdmin.adjustments.refusals.decidedAlready"));
    if (adjustment.makerId === checker.id) throw new Refusal(said("walletAdmin.adjustments.refusals.ownAdjustment"));
    const approve = input.decision === "approve";
    const entryId = approve ? await postAdjustment(tx, { ...adjustment, amount: adjustment.amount.toString() }, checker.id) : null;
    await tx.walletAdjustment.update({
      where: { id: adjustment.id },
      data: { status: approve ? "POSTED" : "REJECTED", checkerId: checker.id, decidedAt: now, decisionNote: input.note, entryId },
    });
    await recordAudit(tx, {
      actorId: checker.id,
      actorLabel: checker.username,
      action: approve ? "wallet.adjustment_approved" : "wallet.adjustment_rejected",
      targetType: "wallet_adjustment",
      targetId: adjustment.id,
      details: { outlet: adjustment.outlet.name, direction: adjustment.direction, amount: adjustment.amount.toFixed(2), note: input.note },
      ip: checker.ip,
    });
    return { approved: approve, outletName: adjustment.outlet.name, amount: rupees(adjustment.amount.toFixed(2)), direction: adjustment.direction };
  });
}

/** Adjustments, the waiting ones first, then the newest. */
export function listAdjustments(prisma: PrismaClient, take = 100) {
  return prisma.walletAdjustment.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take,
    include: { outlet: { select: { name: true } }, maker: { select: { username: true } }, checker: { select: { username: true } } },
  });
}
