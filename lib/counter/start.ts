/**
 * Starting a transfer: the customer and beneficiary from the screen's look-ups of the last minute
 * (or AOPay's answer now), the month's limit, the parts written by the ledger, the first OTP.
 */
import "server-only";
import Decimal from "decimal.js";
import { auditTransferStarted } from "@/lib/audit-log/money";
import { askBeneficiaries } from "@/lib/counter/beneficiaries";
import { memoryKey, outletOf, type CounterContext, type CounterCaller } from "@/lib/counter/context";
import { askRemitter } from "@/lib/counter/customers";
import type { BeneficiaryView } from "@/lib/counter/views";
import { monthLeftRefusal, type Actor } from "@/lib/ledger/ledger";
import type { PartState } from "@/lib/ledger/states";
import { Refusal } from "@/lib/refusal";
import type { TransferInput } from "@/lib/validations/counter";
import { said, type Sentence } from "@/lib/i18n/said";

export type StartTransferInput = TransferInput & { mobile: string; beneficiaryId: string; requestKey: string };

/**
 * The customer's names as the start needs them: the screen's fresh look-up, or AOPay's answer
 * now. What is left of their month is the ledger's to check, under the customer's row lock; an
 * answer asked for now says it already, so an amount above it is refused before AOPay is asked
 * for the beneficiaries.
 */
async function remitterForStart(ctx: CounterContext, outlet: { id: string; registrationId: string }, mobile: string, amount: number): Promise<{ firstName: string; lastName: string }> {
  const names = ctx.memory.remitters.take(memoryKey(outlet.id, mobile));
  if (names) return names;
  const lookup = await askRemitter(ctx, outlet, mobile);
  if (!lookup.registered) throw new Refusal(said("counterServer.registerFirst"));
  if (amount > Number(lookup.remitter.limitLeft)) throw monthLeftRefusal(lookup.remitter.limitLeft);
  return lookup.remitter;
}

async function beneficiaryForStart(ctx: CounterContext, outlet: { id: string; registrationId: string }, mobile: string, beneficiaryId: string): Promise<BeneficiaryView> {
  const list = ctx.memory.beneficiaries.take(memoryKey(outlet.id, mobile))?.filter((b) => b.id === beneficiaryId);
  const beneficiary = (list?.length ? list : await askBeneficiaries(ctx, outlet.registrationId, mobile)).find((b) => b.id === beneficiaryId);
  if (!beneficiary) throw new Refusal(said("counterServer.beneficiaryGone"));
  return beneficiary;
}

/** Sends the first part's OTP; what the agent is told when it did not go out, and where the part stands. */
async function sendFirstOtp(ctx: CounterContext, partId: string, actor: Actor): Promise<{ otpMessage?: Sentence; state: PartState }> {
  const sent = await ctx.ledger.sendOtp(partId, actor);
  // A new part the OTP did not go out for is still a draft.
  return sent.ok ? { state: "OTP_SENT" } : { otpMessage: sent.message, state: "DRAFT" };
}

/**
 * Writes the transfer (all parts), then sends the first part's OTP. The customer and the
 * beneficiary come from the screen's own look-ups of the last minute when there are any; the
 * ledger checks the amount against what is left of the customer's month under their row lock,
 * and its refusal names the amount field.
 */
export async function startTransfer(ctx: CounterContext, user: CounterCaller, input: StartTransferInput): Promise<{ transferId: string; otpMessage?: Sentence }> {
  const outlet = await outletOf(ctx, user);
  const remitter = await remitterForStart(ctx, outlet, input.mobile, input.amount);
  const beneficiary = await beneficiaryForStart(ctx, outlet, input.mobile, input.beneficiaryId);
  // The agent at their counter: the OTP's send reads neither the part's ownership nor the outlet again.
  const actor: Actor = { userId: user.id, atCounter: { outletId: outlet.id, registrationId: outlet.registrationId } };
  const created = await ctx.ledger.createTransfer(
    {
      requestKey: input.requestKey,
      outletId: outlet.id,
      agentId: user.id,
      remitter: { mobile: input.mobile, firstName: remitter.firstName, lastName: remitter.lastName },
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
  const [first] = created.parts;
  if (!first) throw new Error(`Transfer ${created.transferId} has no parts.`);
  // A repeated start (the first reply was lost) goes on with the transfer already written.
  const { otpMessage, state } = created.repeated ? { otpMessage: undefined, state: first.state } : await sendFirstOtp(ctx, first.id, actor);
  await auditTransferStarted(ctx.prisma, user, {
    transferId: created.transferId,
    amount: new Decimal(input.amount).toFixed(2),
    mode: input.mode,
    references: created.parts.map((p) => p.reference),
    firstPartState: state,
    message: otpMessage,
  });
  return { transferId: created.transferId, otpMessage };
}
