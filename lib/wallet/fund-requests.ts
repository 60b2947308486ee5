/**
 * An outlet's requests to top up its wallet, and the admin's decisions on them. A request names
 * the payment (its reference, at most one request each); approving it credits the wallet in the
 * same transaction, and only a pending request can be decided, so none is credited twice.
 * Every step is audited.
 */
import "server-only";
import { differenceInCalendarDays, parseISO } from "date-fns";
import { recordAudit } from "@/lib/audit";
import { indiaDay } from "@/lib/days";
import { isUniqueViolation, type Actor } from "@/lib/admin/common";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/refusal";
import type * as z from "@/lib/validations/zod";
import type { decisionSchema, fundRequestSchema } from "@/lib/validations/wallet";
import { rupees } from "@/lib/format";
import { postDeposit } from "@/lib/wallet/book";
import { said } from "@/lib/i18n/said";

/** How far back a payment may be, for its request: older ones are settled with the accounts team. */
const oldestPaymentDays = 30;

export async function requestFunds(prisma: PrismaClient, user: Actor & { outletId: string | null }, input: z.output<typeof fundRequestSchema>, now = new Date()) {
  if (!user.outletId) throw new Refusal(said("topUpServer.outletOnly"));
  const age = differenceInCalendarDays(parseISO(indiaDay(now)), parseISO(input.paidOn));
  if (age < 0) throw new Refusal(said("topUpServer.checkFields"), "paidOn", said("topUpServer.notYet"));
  if (age > oldestPaymentDays) throw new Refusal(said("topUpServer.checkFields"), "paidOn", said("topUpServer.tooOld", { days: oldestPaymentDays }));
  try {
    return await prisma.$transaction(async (tx) => {
      const request = await tx.fundRequest.create({
        data: { outletId: user.outletId!, requestedById: user.id, amount: input.amount, method: input.method, paymentReference: input.paymentReference, paidOn: new Date(`${input.paidOn}T00:00:00.000Z`), note: input.note || null },
      });
      await recordAudit(tx, {
        actorId: user.id,
        actorLabel: user.username,
        action: "wallet.fund_requested",
        targetType: "fund_request",
        targetId: request.id,
        details: { amount: request.amount.toFixed(2), method: input.method, paymentReference: input.paymentReference, paidOn: input.paidOn },
        ip: user.ip,
      });
      return request;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Refusal(said("topUpServer.checkFields"), "paymentReference", said("topUpServer.askedAlready"));
    }
    throw error;
  }
}

/** Approves (crediting the wallet) or rejects a pending request; refused if it was decided already. */
export async function decideFundRequest(prisma: PrismaClient, admin: Actor, input: z.output<typeof decisionSchema>, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const approve = input.decision === "approve";
    const { count } = await tx.fundRequest.updateMany({
      where: { id: input.id, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "REJECTED", decidedById: admin.id, decidedAt: now, decisionNote: input.note },
    });
    if (count === 0) throw new Refusal(said("walletAdmin.topUps.refusals.decidedAlready"));
    const request = await tx.fundRequest.findUniqueOrThrow({ where: { id: input.id }, include: { outlet: { select: { name: true } } } });
    const entryId = approve
      ? await postDeposit(tx, { outletId: request.outletId, amount: request.amount.toString(), actorId: admin.id, memo: `${request.method === "UPI" ? "UPI" : "bank transfer"} ${request.paymentReference}` })
      : null;
    if (entryId !== null) await tx.fundRequest.update({ where: { id: request.id }, data: { entryId } });
    await recordAudit(tx, {
      actorId: admin.id,
      actorLabel: admin.username,
      action: approve ? "wallet.fund_request_approved" : "wallet.fund_request_rejected",
      targetType: "fund_request",
      targetId: request.id,
      details: { outlet: request.outlet.name, amount: request.amount.toFixed(2), paymentReference: request.paymentReference, note: input.note },
      ip: admin.ip,
    });
    return { outletName: request.outlet.name, amount: rupees(request.amount.toFixed(2)), approved: approve };
  });
}

/** Requests, newest first: an outlet's own, or (no outlet) every outlet's with the pending first. */
export function listFundRequests(prisma: PrismaClient, options: { outletId?: string; take?: number }) {
  return prisma.fundRequest.findMany({
    where: options.outletId ? { outletId: options.outletId } : {},
    orderBy: options.outletId ? [{ createdAt: "desc" }] : [{ status: "asc" }, { createdAt: "desc" }],
    take: options.take ?? 100,
    include: { outlet: { select: { name: true } } },
  });
}
