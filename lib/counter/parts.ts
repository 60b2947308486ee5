/** One part at a time: send or resend its OTP, confirm it, refund it; cancel what was never sent. Audited. */
import "server-only";
import { auditPartMoneyCall } from "@/lib/audit-log/money";
import { agentAtCounter, notOursText, outletOf, type CounterContext, type CounterCaller } from "@/lib/counter/context";
import { unsentStates } from "@/lib/ledger/states";
import { Refusal } from "@/lib/refusal";
import { said, type Sentence } from "@/lib/i18n/said";

/** Sends (or sends again) the OTP that authorises one part. */
export async function sendOtp(ctx: CounterContext, user: CounterCaller, partId: string): Promise<{ expiresAt: string }> {
  const sent = await ctx.ledger.sendOtp(partId, await agentAtCounter(ctx, user));
  await auditPartMoneyCall(ctx.prisma, user, "money.otp_sent", partId, sent);
  if (!sent.ok) throw new Refusal(sent.message);
  return { expiresAt: sent.expiresAt.toISOString() };
}

/** Confirms one part with the customer's OTP: the money call, made once whatever happens. */
export async function confirm(ctx: CounterContext, user: CounterCaller, partId: string, otp: string) {
  const result = await ctx.ledger.confirm(partId, otp, await agentAtCounter(ctx, user));
  // Only an OTP AOPay took is a confirmation; a wrong or expired one, or a refusal, sent nothing.
  const refused = unsentStates.includes(result.state) || result.state === "CANCELLED";
  await auditPartMoneyCall(ctx.prisma, user, refused ? "money.confirm_refused" : "money.transfer_confirmed", partId, result);
  return result;
}

/** Cancels the parts of a transfer that were never sent, freeing the month's reservation. */
export async function cancelUnsent(ctx: CounterContext, user: CounterCaller, transferId: string): Promise<{ cancelled: number }> {
  const outlet = await outletOf(ctx, user);
  const owned = await ctx.prisma.transfer.count({ where: { id: transferId, outletId: outlet.id, agentId: user.id } });
  if (owned !== 1) throw new Refusal(notOursText);
  return { cancelled: await ctx.ledger.cancelUnsent(transferId, { userId: user.id }) };
}

/** Asks AOPay to send the customer the OTP that authorises refunding a failed part. */
export async function requestRefundOtp(ctx: CounterContext, user: CounterCaller, partId: string): Promise<void> {
  const sent = await ctx.ledger.requestRefundOtp(partId, await agentAtCounter(ctx, user));
  await auditPartMoneyCall(ctx.prisma, user, "money.refund_otp_sent", partId, sent);
  if (!sent.ok) throw new Refusal(sent.message);
}

/** Claims the refund of a failed part with the OTP the customer reads out. */
export async function claimRefund(ctx: CounterContext, user: CounterCaller, partId: string, otp: string): Promise<{ state: string; message?: Sentence }> {
  const result = await ctx.ledger.claimRefund(partId, otp, await agentAtCounter(ctx, user));
  // A claim went out when the part is refunded, or is being checked because the refund may have
  // gone through; otherwise AOPay (or a claim already under way) turned it away.
  const checking = result.state === "REFUND_PENDING" && (await ctx.prisma.transferPart.count({ where: { id: partId, nextCheckAt: { not: null } } })) === 1;
  const claimed = result.state === "REFUNDED" || checking;
  await auditPartMoneyCall(ctx.prisma, user, claimed ? "money.refund_claimed" : "money.refund_refused", partId, result);
  if (result.message || result.state === "REFUNDED" || result.state === "REFUND_PENDING") return result;
  // The part is not waiting for a refund OTP: say why instead of nothing.
  return { state: result.state, message: said(result.state === "FAILED" ? "ledger.refundOtpFirst" : "ledger.onlyFailedRefund") };
}

/** The agent's own outlet's transfer with its parts, or null. */
export async function transferForAgent(ctx: CounterContext, user: CounterCaller, transferId: string) {
  const outlet = await outletOf(ctx, user);
  return ctx.prisma.transfer.findFirst({ where: { id: transferId, outletId: outlet.id, agentId: user.id }, include: { parts: { orderBy: { seq: "asc" } } } });
}
