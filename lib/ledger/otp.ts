/** Sending a part's OTP, and sending it again: a new OTP makes the old one useless. */
import { addSeconds } from "date-fns";
import { answerText } from "@/lib/aopay/answer-text";
import { AopayCallError } from "@/lib/aopay/errors";
import type { Answer } from "@/lib/aopay/types";
import { loadPart, transferDetails, type Actor, type LedgerContext } from "@/lib/ledger/context";
import { unsentStates } from "@/lib/ledger/states";
import { commitTransition } from "@/lib/ledger/transition";

/** Sends (or sends again) the OTP for a part; a new OTP makes the old one useless. */
export async function sendOtp(ctx: LedgerContext, partId: string, actor: Actor): Promise<{ ok: true; expiresAt: Date } | { ok: false; message: string }> {
  const { part, registrationId } = await loadPart(ctx, partId);
  if (!unsentStates.includes(part.state)) return { ok: false, message: "This part is past its OTP." };
  const earlier = await ctx.prisma.transferPart.count({ where: { transferId: part.transferId, seq: { lt: part.seq }, state: { in: [...unsentStates] } } });
  if (earlier > 0) return { ok: false, message: "Finish the earlier part first." };
  const { client, exchangeIds } = ctx.clientFor(registrationId);
  // AOPay's 90 seconds start when it sends the OTP: count them from before the call.
  const at = ctx.now();
  let answer: Answer;
  try {
    answer = await client.sendTransferOtp(transferDetails(part.transfer, part.amount), part.reference);
  } catch (error) {
    if (error instanceof AopayCallError) return { ok: false, message: "AOPay did not answer. No money moved; try sending the OTP again." };
    throw error;
  }
  if (answer.outcome !== "success" || !answer.stateresp) {
    const message =
      answer.outcome === "remitter_not_registered" ? "AOPay says this customer is not registered. Register them first." : answerText(answer, "AOPay refused to send the OTP.");
    return { ok: false, message };
  }
  const expiresAt = addSeconds(at, ctx.otpValiditySeconds);
  const changed = await commitTransition(ctx.prisma, {
    part,
    to: "OTP_SENT",
    event: { actor, cause: part.state === "DRAFT" ? "otp_sent" : "otp_resent", exchangeIds },
    data: { stateresp: answer.stateresp, otpSentAt: at, otpExpiresAt: expiresAt },
  });
  if (!changed) return { ok: false, message: "This part changed meanwhile; reload the page." };
  return { ok: true, expiresAt };
}
