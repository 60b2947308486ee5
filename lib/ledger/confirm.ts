/**
 * Confirming a part with the customer's OTP: the money call. Only the request that moves the
 * part from OTP_SENT to SUBMITTED makes it; every other one (a double click, a second tab, a
 * reload) gets the part's current state instead.
 *
 * Write-ahead: the claim (SUBMITTED, with a recheck time for the worker) is committed before
 * the call, and the call's answer is applied after it. The part is read once, in the claim's
 * transaction right after the claim: as it now is, with the state token a resend may have
 * changed (and, for an agent at their counter, only if it is theirs). Its outlet's
 * RegistrationID is read once, only by the request that makes the call, and not at all when
 * the agent's counter already names it.
 */
import { addSeconds } from "date-fns";
import { answerText } from "@/lib/aopay/answer-text";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import { wrongOtpsPerPart } from "@/lib/money/dmt-limits";
import { maskLongDigits } from "@/lib/aopay/mask";
import { scheduleData, settledData } from "@/lib/ledger/columns";
import {
  currentState,
  readPart,
  registrationIdOf,
  transferDetails,
  withAopay,
  type Actor,
  type LedgerContext,
  type PartWithTransfer,
} from "@/lib/ledger/context";
import { failureColumns } from "@/lib/ledger/failure-reason";
import { conflictDetail, readingAudit, readingData } from "@/lib/ledger/reading-effects";
import { nextCheck } from "@/lib/ledger/schedule";
import type { PartState } from "@/lib/ledger/states";
import { readStatusAnswer } from "@/lib/ledger/status-reading";
import { commitTransition, transition, type PartChange, type PartEvent } from "@/lib/ledger/transition";
import { WalletShortError, walletShortText } from "@/lib/wallet/book";
import { moneyOf } from "@/lib/wallet/part-money";
import { said, type Sentence } from "@/lib/i18n/said";

export interface ConfirmResult {
  state: PartState;
  message?: Sentence;
}

type ConfirmAnswer = Awaited<ReturnType<AopayClient["confirmTransfer"]>>;

/** A part this request moved to SUBMITTED: the condition of every change after the call. */
const submitted = (part: PartWithTransfer) => ({ id: part.id, state: "SUBMITTED" as PartState });

export async function confirm(ctx: LedgerContext, partId: string, otp: string, actor: Actor): Promise<ConfirmResult> {
  const at = ctx.now();
  let claim: { claimed: boolean; part: PartWithTransfer };
  try {
    claim = await claimForMoneyCall(ctx, partId, actor, at);
  } catch (error) {
    // The wallet no longer covers the part (another transfer took it since the OTP): nothing
    // was held and AOPay is not asked.
    if (error instanceof WalletShortError) return { state: "OTP_SENT", message: walletShortText(error) };
    throw error;
  }
  const { claimed, part } = claim;
  if (!claimed) return answerUnclaimed(ctx, part, actor, at);
  return withAopay(ctx, await registrationIdOf(ctx, part.transfer.outletId, actor), async ({ client, exchanges }) => {
    let answer: ConfirmAnswer;
    try {
      answer = await client.confirmTransfer({ ...transferDetails(part.transfer, part.amount), otp, stateresp: part.stateresp ?? "", reference: part.reference });
    } catch (error) {
      if (!(error instanceof AopayCallError)) throw error;
      return applyCallFailure(ctx, part, error, { actor, cause: `confirm_${error.kind}`, exchanges }, at);
    }
    return applyAnswer(ctx, part, answer, { actor, exchanges }, at);
  });
}

/**
 * Moves the part from OTP_SENT to SUBMITTED if its OTP is still good, holding its money from
 * the outlet's wallet; returns it as it now is. One read of the part: a part that cannot be
 * claimed is answered from it, and only a claim lost to a race reads it again.
 */
async function claimForMoneyCall(ctx: LedgerContext, partId: string, actor: Actor, at: Date): Promise<{ claimed: boolean; part: PartWithTransfer }> {
  return ctx.prisma.$transaction(async (tx) => {
    const read = () => readPart(tx, partId, actor);
    const part = await read();
    if (part.state !== "OTP_SENT" || !part.otpExpiresAt || part.otpExpiresAt <= at) return { claimed: false, part };
    // Write-ahead: should this process die during the call, the worker asks about it then.
    const data = { submittedAt: at, nextCheckAt: addSeconds(at, ctx.submittedRecheckSeconds) };
    const claimed = await transition(tx, {
      part: { id: partId, state: "OTP_SENT" },
      to: "SUBMITTED",
      event: { actor, cause: "confirm_submitted" },
      data,
      onlyIf: { otpExpiresAt: { gt: at } },
      money: moneyOf(part),
    });
    return claimed ? { claimed, part: { ...part, ...data, state: "SUBMITTED" as const } } : { claimed, part: await read() };
  });
}

/** The answer for a request that did not claim the part: its OTP ran out, or someone else confirmed it. */
async function answerUnclaimed(ctx: LedgerContext, part: PartWithTransfer, actor: Actor, at: Date): Promise<ConfirmResult> {
  if (part.state === "OTP_SENT" && part.otpExpiresAt && part.otpExpiresAt <= at) {
    await commitTransition(ctx.prisma, { part, to: "OTP_EXPIRED", event: { actor, cause: "otp_expired" } });
    return { state: "OTP_EXPIRED", message: said("ledger.otpExpired") };
  }
  return { state: part.state, message: part.state === "OTP_SENT" ? undefined : said("ledger.alreadyConfirmed") };
}

/** The money call gave no answer: PENDING if the money may have moved, else the OTP stays good. */
async function applyCallFailure(ctx: LedgerContext, part: PartWithTransfer, error: AopayCallError, event: PartEvent, at: Date): Promise<ConfirmResult> {
  if (error.moneyMayHaveMoved) {
    const moved = await commitTransition(ctx.prisma, { part: submitted(part), to: "PENDING", event, data: scheduleData(nextCheck(at, 0, ctx.now()), ctx.now()) });
    if (!moved) return { state: await currentState(ctx, part.id), message: said("ledger.updatedMeanwhile") };
    return { state: "PENDING", message: said("ledger.answerLost") };
  }
  // Certainly not sent: the OTP may still be good.
  await commitTransition(ctx.prisma, { part: submitted(part), to: "OTP_SENT", event, data: { nextCheckAt: null }, money: moneyOf(part) });
  if (error.kind === "not_recorded") return { state: "OTP_SENT", message: said("ledger.notRecorded") };
  return { state: "OTP_SENT", message: said("ledger.unreachable") };
}

/** Applies AOPay's answer to the money call, unless a status check moved the part while the call was out. */
async function applyAnswer(ctx: LedgerContext, part: PartWithTransfer, answer: ConfirmAnswer, by: Omit<PartEvent, "cause">, at: Date): Promise<ConfirmResult> {
  const event = { ...by, cause: `confirm_${answer.outcome}`, details: { code: answer.code ?? null, message: maskLongDigits(answer.message) } };
  const wrongBefore = answer.outcome === "wrong_otp" ? await ctx.prisma.transferEvent.count({ where: { partId: part.id, cause: "confirm_wrong_otp" } }) : 0;
  const { change, message } = changeForAnswer(ctx, part, answer, event, at, wrongBefore);
  if (await commitTransition(ctx.prisma, { ...change, money: moneyOf(part) })) return { state: change.to, message };
  // A status check moved the part while the call was out: the ledger keeps that state (the
  // call's reply is still in aopay_exchanges); say so instead of claiming ours.
  const state = await currentState(ctx, part.id);
  return state === change.to ? { state, message } : { state, message: said("ledger.updatedMeanwhile") };
}

/** What AOPay's answer to the money call makes of the part, and what the agent reads. */
function changeForAnswer(ctx: LedgerContext, part: PartWithTransfer, answer: ConfirmAnswer, event: PartEvent, at: Date, wrongBefore: number): { change: PartChange; message?: Sentence } {
  // Guessing stops at the last allowed try: AOPay moved nothing, so the part ends not sent.
  if (answer.outcome === "wrong_otp" && wrongBefore + 1 >= wrongOtpsPerPart) {
    const message = said("ledger.tooManyWrongOtps", { count: wrongOtpsPerPart });
    return { change: { part: submitted(part), to: "CANCELLED", event, data: { ...failureColumns(message), settledAt: ctx.now(), nextCheckAt: null } }, message };
  }
  if (answer.outcome === "wrong_otp") {
    const left = wrongOtpsPerPart - wrongBefore - 1;
    // AOPay's own words first (no message file has them), then the portal's count.
    const message = said("ledger.triesLeft", { answer: answer.message.trim() || said("ledger.wrongOtp").english, left });
    return { change: { part: submitted(part), to: "OTP_SENT", event, data: { nextCheckAt: null } }, message };
  }
  // An explicit refusal of the money call: nothing moved. (A 202 is documented only for
  // Send OTP and Status, so on Transaction it is not taken as a refusal.)
  if (answer.outcome === "rejected" || answer.outcome === "authentication_failed") {
    const message = answerText(answer, said("ledger.transferRefused"));
    return { change: { part: submitted(part), to: "CANCELLED", event, data: { ...failureColumns(message), settledAt: ctx.now(), nextCheckAt: null } }, message };
  }
  if (answer.outcome === "success" && answer.transfer) return changeForReportedTransfer(ctx, part, answer, event, at);
  // Unknown code, duplicate reference, or success without the transfer's state: ask Status.
  return { change: { part: submitted(part), to: "PENDING", event, data: scheduleData(nextCheck(at, 0, ctx.now()), ctx.now()) }, message: undefined };
}

/** A success that reports the transfer's state: read like a Transaction Status answer. */
function changeForReportedTransfer(ctx: LedgerContext, part: PartWithTransfer, answer: ConfirmAnswer, event: PartEvent, at: Date): { change: PartChange; message?: Sentence } {
  const facts = { reference: part.reference, amount: part.amount, submittedAt: at, refundOtpSentAt: null, acknowledged: true };
  const reading = readStatusAnswer("SUBMITTED", answer, facts, ctx.now(), ctx.noRecordGraceMinutes);
  const to = reading.to;
  const final = to !== "PENDING";
  const change: PartChange = {
    part: submitted(part),
    to,
    event: { ...event, details: { ...event.details, ...conflictDetail(reading) } },
    data: {
      ...settledData(answer.transfer),
      ...readingData(part, reading, answer, ctx.now()),
      ...(to === "FAILED" ? failureColumns(answer.message) : {}),
      settledAt: final ? ctx.now() : undefined,
      ...(final ? { nextCheckAt: null } : scheduleData(nextCheck(at, 0, ctx.now()), ctx.now())),
    },
    audit: readingAudit(part, reading, answer, event.actor),
  };
  return { change, message: to === "FAILED" ? answer.message : undefined };
}
