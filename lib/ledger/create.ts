/**
 * Creating a transfer: the transfer and all its parts are written (DRAFT) before any AOPay
 * call, and their amount is reserved against the remitter's monthly limit in the same step.
 */
import { randomInt } from "node:crypto";
import { format, startOfMonth } from "date-fns";
import Decimal from "decimal.js";
import { inIndia, rupeesSpoken } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransferDetails } from "@/lib/aopay/types";
import type { Actor, Db, LedgerContext, Tx } from "@/lib/ledger/context";
import { reservingStates } from "@/lib/ledger/states";
import { recordCreated } from "@/lib/ledger/transition";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { planInForce, type PlanInForce } from "@/lib/money/plans";
import { Refusal } from "@/lib/refusal";
import { previewFees, type FeePreview } from "@/lib/transfers/split";
import { WalletShortError, walletBalance, walletShortText } from "@/lib/wallet/book";

/** A transfer as the counter asks for it: AOPay's details of the money call, and who and whom. */
export interface NewTransfer extends Pick<TransferDetails, "mode" | "amount" | "pincode" | "address" | "dateOfBirth" | "latitude" | "longitude"> {
  /** The screen's key for this one request; a retry with the same key returns the same transfer. */
  requestKey?: string;
  outletId: string;
  agentId: string;
  remitter: { mobile: string; firstName: string; lastName: string };
  beneficiary: { id: string; name: string; bankName?: string; ifsc?: string; accountMasked?: string };
}

/** A digits-only reference, unique by index: year, day of year, then nine random digits. */
export function newReference(at: Date): string {
  return format(inIndia(at), "yyDDD", { useAdditionalDayOfYearTokens: true }) + String(randomInt(0, 1_000_000_000)).padStart(9, "0");
}

/** What the remitter has used of the month's limit: every part that may still move money. */
export async function monthUsage(db: Db, remitterMobile: string, at: Date): Promise<Decimal> {
  const from = new Date(startOfMonth(inIndia(at)).getTime());
  const { _sum } = await db.transferPart.aggregate({
    where: { state: { in: [...reservingStates] }, transfer: { remitterMobile, createdAt: { gte: from } } },
    _sum: { amount: true },
  });
  return new Decimal(_sum.amount?.toString() ?? 0);
}

/** Writes the transfer and its parts (DRAFT), reserving the amount against the month's limit. */
export async function createTransfer(ctx: LedgerContext, input: NewTransfer, actor: Actor): Promise<{ transferId: string; repeated: boolean }> {
  const earlier = input.requestKey ? await ctx.prisma.transfer.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } }) : null;
  if (earlier) return { transferId: earlier.id, repeated: true };
  return ctx.prisma.$transaction(async (tx) => {
    const at = ctx.now();
    // The plan in force at the transfer's own time, read in its transaction (see addPlan).
    const plan = await planInForce(tx, at);
    const preview = previewFees(input.amount, plan.terms);
    await refuseUncovered(tx, input.outletId, preview.customerPays);
    await reserveMonth(tx, input, at);
    const transfer = await tx.transfer.create({ data: transferData(input, at) });
    await writeParts(tx, transfer.id, preview, plan, at, actor);
    return { transferId: transfer.id, repeated: false };
  });
}

/**
 * Refuses a transfer the outlet's wallet cannot pay for (every part's amount and charge), before
 * anything is written or AOPay is asked. Each part's hold, when it is confirmed, stays the
 * authority: other transfers may spend the wallet meanwhile.
 */
async function refuseUncovered(tx: Tx, outletId: string, needed: Decimal): Promise<void> {
  const available = await walletBalance(tx, outletId);
  if (available.gte(needed)) return;
  const message = walletShortText(new WalletShortError(outletId, available, needed), "transfer");
  throw new Refusal("Check the highlighted fields.", "amount", message);
}

/** Keeps the remitter's details and refuses an amount above what is left of their month. */
async function reserveMonth(tx: Tx, input: NewTransfer, at: Date): Promise<void> {
  const details = { pincode: input.pincode, address: input.address, dateOfBirth: input.dateOfBirth };
  await tx.remitter.upsert({
    where: { mobile: input.remitter.mobile },
    create: { ...input.remitter, ...details },
    update: { firstName: input.remitter.firstName, lastName: input.remitter.lastName, ...details },
  });
  // One transfer at a time per remitter: the row lock makes the limit check and the
  // reservation a single step, however many requests race.
  await tx.$queryRaw`SELECT mobile FROM remitters WHERE mobile = ${input.remitter.mobile} FOR UPDATE`;
  const left = new Decimal(monthlyLimitRupees).minus(await monthUsage(tx, input.remitter.mobile, at));
  if (input.amount.gt(left)) {
    throw new Refusal(`This customer can send Rs ${left.toFixed(0)} more this month (limit ${rupeesSpoken(monthlyLimitRupees)}).`);
  }
}

function transferData(input: NewTransfer, at: Date): Prisma.TransferUncheckedCreateInput {
  return {
    requestKey: input.requestKey ?? null,
    outletId: input.outletId,
    agentId: input.agentId,
    remitterMobile: input.remitter.mobile,
    remitterName: `${input.remitter.firstName} ${input.remitter.lastName}`.trim(),
    beneficiaryId: input.beneficiary.id,
    beneficiaryName: input.beneficiary.name,
    bankName: input.beneficiary.bankName ?? null,
    ifsc: input.beneficiary.ifsc ?? null,
    accountMasked: input.beneficiary.accountMasked ?? null,
    mode: input.mode,
    amount: input.amount.toFixed(2),
    pincode: input.pincode,
    address: input.address,
    dateOfBirth: input.dateOfBirth,
    latitude: input.latitude,
    longitude: input.longitude,
    createdAt: at,
  };
}

/** One DRAFT part per split amount, with the charges the plan expects and its first event. */
async function writeParts(tx: Tx, transferId: string, preview: FeePreview, plan: PlanInForce, at: Date, actor: Actor): Promise<void> {
  for (const [index, part] of preview.parts.entries()) {
    const created = await tx.transferPart.create({
      data: {
        transferId,
        seq: index + 1,
        reference: newReference(at),
        amount: part.amount.toFixed(2),
        customerCharge: part.customerCharge.toFixed(2),
        gst: part.gst.toFixed(2),
        commission: part.commission.toFixed(2),
        tds: part.tds.toFixed(2),
        netCommission: part.netCommission.toFixed(2),
        planId: plan.id,
        // The transfer's own instant: the table and the export order parts by theirs, the reports by the transfer's.
        createdAt: at,
      },
    });
    await recordCreated(tx, created.id, actor);
  }
}
