/** Finding and registering the customer (remitter): the screen's look-up, e-KYC, registration. */
import "server-only";
import Decimal from "decimal.js";
import { answerText } from "@/lib/aopay/answer-text";
import { askAopay, memoryKey, outletOf, type CounterContext, type CounterCaller } from "@/lib/counter/context";
import { customerActions, recordCustomerAction } from "@/lib/counter/customer-at-counter";
import type { LookupResult, RemitterView } from "@/lib/counter/views";
import { monthUsage } from "@/lib/ledger/ledger";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { Refusal } from "@/lib/refusal";
import { said } from "@/lib/i18n/said";

export async function remitterView(ctx: CounterContext, outletId: string, mobile: string, names: { firstName: string; lastName: string }): Promise<RemitterView> {
  const used = await monthUsage(ctx.prisma, mobile, ctx.now());
  // Details are filled in for the outlet's own returning customers only.
  const servedHere = (await ctx.prisma.transfer.count({ where: { remitterMobile: mobile, outletId } })) > 0;
  const known = servedHere ? await ctx.prisma.remitter.findUnique({ where: { mobile } }) : null;
  return {
    mobile,
    firstName: names.firstName,
    lastName: names.lastName,
    name: `${names.firstName} ${names.lastName}`.trim(),
    limitUsed: used.toFixed(0),
    limitLeft: Decimal.max(0, new Decimal(monthlyLimitRupees).minus(used)).toFixed(0),
    known: {
      pincode: known?.pincode ?? null,
      address: known?.address ?? null,
      dateOfBirth: known?.dateOfBirth ? known.dateOfBirth.toISOString().slice(0, 10) : null,
    },
  };
}

export async function askRemitter(ctx: CounterContext, outlet: { id: string; registrationId: string }, mobile: string): Promise<LookupResult> {
  const answer = await askAopay(() => ctx.aopay(outlet.registrationId).queryRemitter(mobile));
  if (answer.outcome === "remitter_not_registered") return { registered: false, mobile, stateresp: answer.stateresp ?? "" };
  if (answer.outcome !== "success" || !answer.remitter) throw new Refusal(answerText(answer, said("counterServer.customerNotFound")));
  return { registered: true, remitter: await remitterView(ctx, outlet.id, mobile, answer.remitter) };
}

/** The screen's look-up of a customer by mobile; remembered for the start that follows. */
export async function lookupRemitter(ctx: CounterContext, user: CounterCaller, mobile: string): Promise<LookupResult> {
  const outlet = await outletOf(ctx, user);
  const lookup = await askRemitter(ctx, outlet, mobile);
  if (lookup.registered) ctx.memory.remitters.remember(memoryKey(outlet.id, mobile), lookup.remitter);
  await recordCustomerAction(ctx, user, customerActions.lookedUp, mobile);
  return lookup;
}

export async function runEkyc(ctx: CounterContext, user: CounterCaller, input: { mobile: string; aadhaarNumber: string; pidData: string }) {
  const outlet = await outletOf(ctx, user);
  // e-KYC happens at the shop: its registered location goes with it. The fingerprint is the
  // PidData the agent's RD-service device produced in the browser; it is forwarded, never stored.
  const answer = await askAopay(() =>
    ctx.aopay(outlet.registrationId).remitterEkyc({
      mobile: input.mobile,
      aadhaarNumber: input.aadhaarNumber,
      latitude: outlet.latitude.toString(),
      longitude: outlet.longitude.toString(),
      fingerprintData: input.pidData,
    }),
  );
  if (answer.outcome !== "success" || !answer.kycId) throw new Refusal(answerText(answer, said("counterServer.ekycFailed")));
  const otp = await askAopay(() => ctx.aopay(outlet.registrationId).queryRemitter(input.mobile));
  const at = ctx.now();
  return {
    kycId: answer.kycId,
    stateresp: otp.stateresp ?? "",
    otpExpiresAt: new Date(at.getTime() + ctx.otpValiditySeconds * 1000).toISOString(),
    serverNow: at.toISOString(),
  };
}

export async function registerRemitter(ctx: CounterContext, user: CounterCaller, input: { mobile: string; otp: string; stateresp: string; kycId: string }) {
  const outlet = await outletOf(ctx, user);
  const answer = await askAopay(() => ctx.aopay(outlet.registrationId).registerRemitter(input));
  if (answer.outcome !== "success") throw new Refusal(answerText(answer, said("counterServer.registrationFailed")));
  ctx.memory.remitters.forget(memoryKey(outlet.id, input.mobile));
  if (answer.remitter) {
    const names = { firstName: answer.remitter.firstName, lastName: answer.remitter.lastName };
    await ctx.prisma.remitter.upsert({ where: { mobile: input.mobile }, create: { mobile: input.mobile, ...names }, update: names });
  }
}
