"use server";

import { z } from "zod";
import { auditPartMoneyCall, auditTransferStarted } from "@/lib/audit-log/money";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { addBeneficiary, appLedger, deleteBeneficiary, listBeneficiaries, lookupRemitter, registerRemitter, runEkyc, startTransfer, transferForAgent, type BeneficiaryView, type LookupResult } from "@/lib/counter/service";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";
import { logUnexpected } from "@/lib/log";
import { aboveMonthLeftMessage, beneficiarySchema, ekycSchema, lookupSchema, mobileSchema, otpSchema, registerSchema, startTransferSchema } from "@/lib/validations/counter";
import { invalidInput } from "@/lib/validations/field-errors";
import { Refusal } from "@/lib/refusal";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string> };

const invalid = (error: z.ZodError): ActionResult<never> => invalidInput(error);

/** Expected refusals become messages; anything else is logged with a reference. */
async function run<T>(what: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    const requestId = logUnexpected(`${what} failed`, error);
    return { ok: false, message: `Something went wrong (ref ${requestId}). Check the transfer's status before trying again.` };
  }
}

export async function findRemitterAction(input: { mobile: string }): Promise<ActionResult<LookupResult>> {
  const user = await requireUser("AGENT");
  const parsed = lookupSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run("remitter lookup", () => lookupRemitter(user, parsed.data.mobile));
}

export async function ekycAction(input: z.input<typeof ekycSchema>): Promise<ActionResult<{ kycId: string; stateresp: string; otpExpiresAt: string; serverNow: string }>> {
  const user = await requireUser("AGENT");
  const parsed = ekycSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run("e-KYC", () => runEkyc(user, parsed.data));
}

export async function registerRemitterAction(input: z.input<typeof registerSchema>): Promise<ActionResult> {
  const user = await requireUser("AGENT");
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run("remitter registration", async () => {
    await registerRemitter(user, parsed.data);
    return undefined;
  });
}

export async function listBeneficiariesAction(input: { mobile: string }): Promise<ActionResult<BeneficiaryView[]>> {
  const user = await requireUser("AGENT");
  const parsed = lookupSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run("beneficiary list", () => listBeneficiaries(user, parsed.data.mobile));
}

export async function ifscBankAction(input: { ifsc: string }): Promise<ActionResult<{ bankName: string | null }>> {
  await requireUser("AGENT");
  const ifsc = z.string().max(11).safeParse(input.ifsc);
  if (!ifsc.success) return invalid(ifsc.error);
  return { ok: true, data: { bankName: bankNameForIfsc(ifsc.data) } };
}

/** Adds a beneficiary; `listed` says whether AOPay's list shows it when read again. */
export async function addBeneficiaryAction(input: z.input<typeof beneficiarySchema>): Promise<ActionResult<{ listed: boolean; message?: string }>> {
  const user = await requireUser("AGENT");
  const parsed = beneficiarySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!bankNameForIfsc(parsed.data.ifsc)) return { ok: false, message: "Check the IFSC.", fieldErrors: { ifsc: "This IFSC is not in the bank list." } };
  return run("add beneficiary", () => addBeneficiary(user, parsed.data));
}

export async function deleteBeneficiaryAction(input: { mobile: string; beneficiaryId: string }): Promise<ActionResult> {
  const user = await requireUser("AGENT");
  const parsed = z.object({ mobile: mobileSchema, beneficiaryId: z.string().regex(/^\d+$/) }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run("delete beneficiary", async () => {
    await deleteBeneficiary(user, parsed.data.mobile, parsed.data.beneficiaryId);
    return undefined;
  });
}

export async function startTransferAction(input: Record<string, unknown>): Promise<ActionResult<{ transferId: string; otpMessage?: string }>> {
  const user = await requireUser("AGENT");
  // Every field is checked against the absolute limits first: a refused form costs no AOPay call.
  const parsed = startTransferSchema({ minRupees: config().transferMinRupees, maxRupees: monthlyLimitRupees }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const lookup = await run("remitter lookup", () => lookupRemitter(user, parsed.data.mobile));
  if (!lookup.ok) return lookup;
  if (!lookup.data.registered) return { ok: false, message: "Register this customer first." };
  const remitter = lookup.data.remitter;
  // What is left of the customer's month is known only from the look-up.
  const left = Number(remitter.limitLeft);
  if (parsed.data.amount > left) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { amount: aboveMonthLeftMessage(left) } };
  return run("start transfer", async () => {
    const started = await startTransfer(user, remitter, parsed.data);
    await auditTransferStarted(db(), user, started.transferId, started.otpMessage);
    return started;
  });
}

/** The part, if it belongs to a transfer of the agent's own outlet. */
async function partOfAgent(user: CurrentUser, partId: string) {
  const id = z.uuid().safeParse(partId);
  if (!id.success) return null;
  const part = await appLedgerPart(id.data);
  if (!part) return null;
  return (await transferForAgent(user, part.transferId)) ? part : null;
}

function appLedgerPart(partId: string) {
  return db().transferPart.findUnique({ where: { id: partId }, select: { id: true, transferId: true } });
}

export async function resendOtpAction(input: { partId: string }): Promise<ActionResult<{ expiresAt: string }>> {
  const user = await requireUser("AGENT");
  const part = await partOfAgent(user, input.partId);
  if (!part) return { ok: false, message: "That transfer is not one of your outlet's." };
  return run("send OTP", async () => {
    const sent = await appLedger().sendOtp(part.id, { userId: user.id });
    await auditPartMoneyCall(db(), user, "money.otp_sent", part.id, sent);
    if (!sent.ok) throw new Refusal(sent.message);
    return { expiresAt: sent.expiresAt.toISOString() };
  });
}

export async function confirmPartAction(input: { partId: string; otp: string }): Promise<ActionResult<{ state: string; message?: string }>> {
  const user = await requireUser("AGENT");
  const part = await partOfAgent(user, input.partId);
  if (!part) return { ok: false, message: "That transfer is not one of your outlet's." };
  const otp = otpSchema.safeParse(input.otp);
  if (!otp.success) return { ok: false, message: otp.error.issues[0]!.message, fieldErrors: { otp: otp.error.issues[0]!.message } };
  return run("confirm transfer", async () => {
    const result = await appLedger().confirm(part.id, otp.data, { userId: user.id });
    await auditPartMoneyCall(db(), user, "money.transfer_confirmed", part.id, result);
    return result;
  });
}

export async function cancelUnsentAction(input: { transferId: string }): Promise<ActionResult<{ cancelled: number }>> {
  const user = await requireUser("AGENT");
  const id = z.uuid().safeParse(input.transferId);
  if (!id.success || !(await transferForAgent(user, id.data))) return { ok: false, message: "That transfer is not one of your outlet's." };
  return run("cancel transfer", async () => ({ cancelled: await appLedger().cancelUnsent(id.data, { userId: user.id }) }));
}

const notOurs = "That transfer is not one of your outlet's.";

/** Asks AOPay to send the customer the OTP that authorises refunding a failed part (or sends it again). */
export async function requestRefundOtpAction(input: { partId: string }): Promise<ActionResult> {
  const user = await requireUser("AGENT");
  const part = await partOfAgent(user, input?.partId);
  if (!part) return { ok: false, message: notOurs };
  return run("refund OTP", async () => {
    const sent = await appLedger().requestRefundOtp(part.id, { userId: user.id });
    await auditPartMoneyCall(db(), user, "money.refund_otp_sent", part.id, sent);
    if (!sent.ok) throw new Refusal(sent.message);
    return undefined;
  });
}

/** Claims the refund of a failed part with the OTP the customer reads out. */
export async function claimRefundAction(input: { partId: string; otp: string }): Promise<ActionResult<{ state: string; message?: string }>> {
  const user = await requireUser("AGENT");
  const part = await partOfAgent(user, input?.partId);
  if (!part) return { ok: false, message: notOurs };
  const otp = otpSchema.safeParse(input.otp);
  if (!otp.success) return { ok: false, message: otp.error.issues[0]!.message, fieldErrors: { otp: otp.error.issues[0]!.message } };
  return run("claim refund", async () => {
    const result = await appLedger().claimRefund(part.id, otp.data, { userId: user.id });
    await auditPartMoneyCall(db(), user, "money.refund_claimed", part.id, result);
    if (result.message || result.state === "REFUNDED" || result.state === "REFUND_PENDING") return result;
    // The part is not waiting for a refund OTP: say why instead of nothing.
    return { state: result.state, message: result.state === "FAILED" ? "Send the customer the refund OTP first." : "Only a failed transfer can be refunded." };
  });
}
