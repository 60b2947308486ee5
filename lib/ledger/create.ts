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
import { reservingStates, type PartState } from "@/lib/ledger/states";
import { recordCreated } from "@/lib/ledger/transition";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { planInForce, type PlanInForce } from "@/lib/money/plans";
import { Refusal } from "@/lib/refusal";
import { previewFees, type FeePreview } from "@/lib/transfers/split";
import { WalletShortError, walletBalance, walletShortText } from "@/lib/wallet/book";
import { said } from "@/lib/i18n/said";
import { aboveMonthLeftValues } from "@/lib/validations/counter";

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

/** A written transfer: its parts in order, as they are now (a new transfer's are DRAFT). */
export interface CreatedTransfer {
  transferId: string;
  /** True when the request key found a transfer written by an earlier try. */
  repeated: boolean;
  parts: { id: string; reference: string; state: PartState }[];
}

/** The refusal of an amount above `left`, what remains of the customer's month: said, and shown under the amount. */
export function monthLeftRefusal(left: Decimal.Value): Refusal {
  const rupees = new Decimal(left).toNumber();
  const message = said("ledger.monthLeft", { left: rupees.toFixed(0), limit: rupeesSpoken(monthlyLimitRupees) });
  return new Refusal(message, "amount", said("validation.counter.amountAtMost", aboveMonthLeftValues(rupees)));
}

/** Writes the transfer and its parts (DRAFT), reserving the amount against the month's limit. */
export async function createTransfer(ctx: LedgerContext, input: NewTransfer, actor: Actor): Promise<CreatedTransfer> {
  const earlier = input.requestKey
    ? await ctx.prisma.transfer.findUnique({ where: { requestKey: input.requestKey }, select: { id: true, parts: { orderBy: { seq: "asc" }, select: { id: true, reference: true, state: true } } } })
    : null;
  if (earlier) return { transferId: earlier.id, repeated: true, parts: earlier.parts };
  return ctx.prisma.$transaction(async (tx) => {
    const at = ctx.now();
    // The plan in force at the transfer's own time, read in its transaction (see addPlan).
    const plan = await planInForce(tx, at);
    const preview = previewFees(input.amount, plan.terms);
    await refuseUncovered(tx, input.outletId, preview.customerPays);
    await reserveMonth(tx, input, at);
    const transfer = await tx.transfer.create({ data: transferData(input, at), select: { id: true } });
    const parts = await writeParts(tx, transfer.id, preview, plan, at, actor);
    return { transferId: transfer.id, repeated: false, parts };
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
  throw new Refusal(said("ledger.checkFields"), "amount", message);
}

/** Keeps the remitter's details and refuses an amount above what is left of their month. */
async function reserveMonth(tx: Tx, input: NewTransfer, at: Date): Promise<void> {
  const details = { pincode: input.pincode, address: input.address, dateOfBirth: input.dateOfBirth };
  // One transfer at a time per remitter: the upsert (INSERT ... ON CONFLICT DO UPDATE, which
  // locks the row it updates or inserts until the transaction ends) makes the limit check and
  // the reservation a single step, however many requests race.
  await tx.remitter.upsert({
    where: { mobile: input.remitter.mobile },
    create: { ...input.remitter, ...details },
    update: { firstName: input.remitter.firstName, lastName: input.remitter.lastName, ...details },
    select: { mobile: true },
  });
  const left = Decimal.max(0, new Decimal(monthlyLimitRupees).minus(await monthUsage(tx, input.remitter.mobile, at)));
  if (input.amount.gt(left)) throw monthLeftRefusal(left);
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
async function writeParts(tx: Tx, transferId: string, preview: FeePreview, plan: PlanInForce, at: Date, actor: Actor): Promise<CreatedTransfer["parts"]> {
  const parts: CreatedTransfer["parts"] = [];
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
      select: { id: true, reference: true, state: true },
    });
    await recordCreated(tx, created.id, actor);
    parts.push(created);
  }
  return parts;
}
