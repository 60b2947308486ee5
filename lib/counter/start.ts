/**
 * Starting a transfer: the customer and beneficiary from the screen's look-ups of the last minute
 * (or AOPay's answer now), the month's limit, the parts written by the ledger, the first OTP.
 */
import "server-only";
import Decimal from "decimal.js";
import { auditTransferStarted } from "@/lib/audit-log/money";
import { askBeneficiaries } from "@/lib/counter/beneficiaries";
import { memoryKey, outletOf, type CounterContext, type CounterCaller } from "@/lib/counter/context";
import { askRemitter, remitterView } from "@/lib/counter/customers";
import type { BeneficiaryView, RemitterView } from "@/lib/counter/views";
import type { Actor } from "@/lib/ledger/ledger";
import { Refusal } from "@/lib/refusal";
import { aboveMonthLeftMessage, type TransferInput } from "@/lib/validations/counter";

export type StartTransferInput = TransferInput & { mobile: string; beneficiaryId: string; requestKey: string };

/** The customer as the start needs them: the screen's fresh look-up, or AOPay's answer now. */
async function remitterForStart(ctx: CounterContext, outlet: { id: string; registrationId: string }, mobile: string): Promise<RemitterView> {
  const names = ctx.memory.remitters.take(memoryKey(outlet.id, mobile));
  if (names) return remitterView(ctx, outlet.id, mobile, names);
  const lookup = await askRemitter(ctx, outlet, mobile);
  if (!lookup.registered) throw new Refusal("Register this customer first.");
  return lookup.remitter;
}

async function beneficiaryForStart(ctx: CounterContext, outlet: { id: string; registrationId: string }, mobile: string, beneficiaryId: string): Promise<BeneficiaryView> {
  const list = ctx.memory.beneficiaries.take(memoryKey(outlet.id, mobile))?.filter((b) => b.id === beneficiaryId);
  const beneficiary = (list?.length ? list : await askBeneficiaries(ctx, outlet.registrationId, mobile)).find((b) => b.id === beneficiaryId);
  if (!beneficiary) throw new Refusal("That beneficiary is no longer on this customer's list.");
  return beneficiary;
}

/** Sends the first part's OTP; what the agent is told when it did not go out. */
async function sendFirstOtp(ctx: CounterContext, transferId: string, actor: Actor): Promise<string | undefined> {
  const first = await ctx.prisma.transferPart.findFirstOrThrow({ where: { transferId, seq: 1 }, select: { id: true } });
  const sent = await ctx.ledger.sendOtp(first.id, actor);
  return sent.ok ? undefined : sent.message;
}

/**
 * Writes the transfer (all parts), then sends the first part's OTP. The customer and the
 * beneficiary come from the screen's own look-ups of the last minute when there are any;
 * the amount is checked against what is left of the month here, and again by the ledger
 * under the customer's row lock.
 */
export async function startTransfer(ctx: CounterContext, user: CounterCaller, input: StartTransferInput): Promise<{ transferId: string; otpMessage?: string }> {
  const outlet = await outletOf(ctx, user);
  const remitter = await remitterForStart(ctx, outlet, input.mobile);
  const left = Number(remitter.limitLeft);
  if (input.amount > left) throw new Refusal("Check the highlighted fields.", "amount", aboveMonthLeftMessage(left));
  const beneficiary = await beneficiaryForStart(ctx, outlet, remitter.mobile, input.beneficiaryId);
  // The agent at their counter: the OTP's send reads neither the part's ownership nor the outlet again.
  const actor: Actor = { userId: user.id, atCounter: { outletId: outlet.id, registrationId: outlet.registrationId } };
  const { transferId, repeated } = await ctx.ledger.createTransfer(
    {
      requestKey: input.requestKey,
      outletId: outlet.id,
      agentId: user.id,
      remitter: { mobile: remitter.mobile, firstName: remitter.firstName, lastName: remitter.lastName },
      beneficiary: { id: beneficiary.id, name: beneficiary.name, bankName: beneficiary.bankName, ifsc: beneficiary.ifsc, accountMasked: beneficiary.accountMasked },
      mode: input.mode,
      amount: new Decimal(input.amount),
      pincode: input.pincode,
      address: input.address,
      dateOfBirth: new Date(input.dateOfBirth),
      latitude: input.latitude,
      longitude: input.longitude,
    },
    actor,
  );
  // A repeated start (the first reply was lost) goes on with the transfer already written.
  const started = repeated ? { transferId } : { transferId, otpMessage: await sendFirstOtp(ctx, transferId, actor) };
  await auditTransferStarted(ctx.prisma, user, transferId, started.otpMessage);
  return started;
}
