/**
 * Refunding a failed part: the customer's refund OTP is requested (FAILED to REFUND_PENDING),
 * then the refund is claimed with it. A claim holds the part by a lease for the Refund call's
 * whole time limit, so two claims never both make the call; an unclear answer leaves the part
 * REFUND_PENDING for the worker to settle by Transaction Status.
 */
import { randomUUID } from "node:crypto";
import { addSeconds } from "date-fns";
import { answerText } from "@/lib/aopay/answer-text";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import { maskLongDigits } from "@/lib/aopay/mask";
import type { Answer } from "@/lib/aopay/types";
import type { PartColumnsInput } from "@/lib/ledger/state-change-sql";
import { scheduleData } from "@/lib/ledger/columns";
import { currentState, loadPart, withAopay, type Actor, type LedgerContext } from "@/lib/ledger/context";
import { nextCheck } from "@/lib/ledger/schedule";
import type { PartState } from "@/lib/ledger/states";
import { commitTransition, type PartEvent } from "@/lib/ledger/transition";
import { said, type Sentence } from "@/lib/i18n/said";

type RefundAnswer = Awaited<ReturnType<AopayClient["refund"]>>;

/** Answers that refuse the claim outright: nothing changed, the customer may try again. */
const refusedOutcomes: readonly string[] = ["rejected", "wrong_otp", "no_record", "authentication_failed"];

const released = { leaseUntil: null, leasedBy: null };

/** Sends the customer the OTP that authorises the refund of a failed part. */
export async function requestRefundOtp(ctx: LedgerContext, partId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: Sentence }> {
  const { part, registrationId } = await loadPart(ctx, partId, actor);
  if (part.state !== "FAILED" && part.state !== "REFUND_PENDING") return { ok: false, message: said("ledger.onlyFailedRefund") };
  const ackno = part.ackno;
  if (!ackno) return { ok: false, message: said("ledger.noAckno") };
  return withAopay(ctx, registrationId, async ({ client, exchanges }) => {
    let answer: Answer;
    try {
      answer = await client.refundOtp({ reference: part.reference, ackno });
    } catch (error) {
      if (error instanceof AopayCallError) return { ok: false, message: said("ledger.refundOtpNoAnswer") };
      throw error;
    }
    if (answer.outcome !== "success") return { ok: false, message: answerText(answer, said("ledger.refundOtpRefused")) };
    const changed = await commitTransition(ctx.prisma, {
      part,
      to: "REFUND_PENDING",
      event: { actor, cause: part.state === "FAILED" ? "refund_otp_sent" : "refund_otp_resent", exchanges },
      data: { refundOtpSentAt: ctx.now() },
    });
    return changed ? { ok: true } : { ok: false, message: said("ledger.transferChanged") };
  });
}

/**
 * Claims the refund with the customer's OTP. One claim at a time per part (a lease); an
 * unknown answer leaves REFUND_PENDING for the worker to settle by Transaction Status.
 */
export async function claimRefund(ctx: LedgerContext, partId: string, otp: string, actor: Actor): Promise<{ state: PartState; message?: Sentence }> {
  const { part, registrationId } = await loadPart(ctx, partId, actor);
  const token = randomUUID();
  const at = ctx.now();
  if (!(await leaseForRefund(ctx, part.id, token, at))) {
    const state = await currentState(ctx, part.id);
    return { state, message: state === "REFUND_PENDING" ? said("ledger.refundBusy") : undefined };
  }
  const claim: HeldClaim = { ctx, partId: part.id, token, at };
  return withAopay(ctx, registrationId, async ({ client, exchanges }) => {
    let answer: RefundAnswer;
    try {
      answer = await client.refund({ reference: part.reference, ackno: part.ackno!, otp });
    } catch (error) {
      if (!(error instanceof AopayCallError)) throw error;
      await keepPending(claim, { actor, cause: `refund_${error.kind}`, exchanges }, error.moneyMayHaveMoved);
      return {
        state: "REFUND_PENDING",
        message: error.moneyMayHaveMoved ? said("ledger.refundAnswerLost") : said("ledger.refundUnreachable"),
      };
    }
    return applyRefundAnswer(claim, answer, { actor, cause: `refund_${answer.outcome}`, exchanges, details: { code: answer.code ?? null, message: maskLongDigits(answer.message) } });
  });
}

/** Holds a REFUND_PENDING part for the Refund call; false if it is not refundable now or someone holds it. */
async function leaseForRefund(ctx: LedgerContext, partId: string, token: string, at: Date): Promise<boolean> {
  const { count } = await ctx.prisma.transferPart.updateMany({
    where: { id: partId, state: "REFUND_PENDING", ackno: { not: null }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }] },
    // The Refund call is a write: hold the part for its whole time limit, not a read's.
    data: { leaseUntil: addSeconds(at, Math.max(ctx.leaseSeconds, ctx.submittedRecheckSeconds)), leasedBy: token },
  });
  return count === 1;
}

/** A refund claim holding its part's lease: each of its changes frees the lease. */
interface HeldClaim {
  ctx: LedgerContext;
  partId: string;
  token: string;
  at: Date;
}

/** Applies AOPay's answer to the Refund call. */
async function applyRefundAnswer(claim: HeldClaim, answer: RefundAnswer, event: PartEvent): Promise<{ state: PartState; message?: Sentence }> {
  const now = claim.ctx.now;
  if (answer.outcome === "success") {
    await changeHeld(claim, "REFUNDED", event, { refundedAt: now(), refundTxnId: answer.refundTransactionId, settledAt: now(), nextCheckAt: null });
    return { state: "REFUNDED" };
  }
  if (refusedOutcomes.includes(answer.outcome)) {
    await changeHeld(claim, "REFUND_PENDING", event, {});
    return { state: "REFUND_PENDING", message: answerText(answer, said("ledger.refundRefused")) };
  }
  await keepPending(claim, event, true);
  return { state: "REFUND_PENDING", message: said("ledger.refundUnclear") };
}

/** Stays REFUND_PENDING; when the refund may have gone through, the worker asks about it from now on. */
function keepPending(claim: HeldClaim, event: PartEvent, askStatus: boolean): Promise<boolean> {
  const now = claim.ctx.now;
  const next = askStatus ? { ...scheduleData(nextCheck(claim.at, 0, now()), now()), checkCount: 0 } : {};
  return changeHeld(claim, "REFUND_PENDING", event, next);
}

function changeHeld(claim: HeldClaim, to: PartState, event: PartEvent, data: PartColumnsInput): Promise<boolean> {
  const part = { id: claim.partId, state: "REFUND_PENDING" as PartState };
  return commitTransition(claim.ctx.prisma, { part, to, event, data: { ...released, ...data }, onlyIf: { leasedBy: claim.token } });
}
