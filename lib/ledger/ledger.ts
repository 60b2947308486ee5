/**
 * The transfer ledger: the one place that writes transfers, their parts and their events.
 *
 * Write-ahead: a part's row is committed before the call that concerns it, and the call's
 * outcome is applied after it. Every state change goes through `changeState`, which refuses
 * illegal transitions and loses any race it did not win (the row's state is part of the
 * update's condition), so two requests can never both make the money call for one part.
 */
import { randomInt, randomUUID } from "node:crypto";
import { addSeconds, format, startOfMonth } from "date-fns";
import Decimal from "decimal.js";
import { answerText } from "@/lib/aopay/answer-text";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import { maskLongDigits } from "@/lib/aopay/mask";
import type { Answer, TransferDetails, TransferReport } from "@/lib/aopay/types";
import { recordAudit } from "@/lib/audit";
import { inIndia, rupeesSpoken } from "@/lib/format";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import type { Prisma, PrismaClient, TransferPart } from "@/lib/generated/prisma/client";
import { nextCheck, type NextCheck } from "@/lib/ledger/schedule";
import { assertTransition, checkableStates, reservingStates, type PartState } from "@/lib/ledger/states";
import { readStatusAnswer, type StatusAnswer, type StatusReading } from "@/lib/ledger/status-reading";
import { planInForce } from "@/lib/money/plans";
import { previewFees } from "@/lib/transfers/split";
import { Refusal } from "@/lib/refusal";

export interface LedgerDeps {
  prisma: PrismaClient;
  /** An AOPay client for an outlet; `onExchangeStored` receives the recorded exchange ids. */
  aopay: (registrationId: string, onExchangeStored: (id: bigint) => void) => AopayClient;
  otpValiditySeconds: number;
  /**
   * A part claimed for the money call is asked about this long after the claim if nothing
   * settled it (its request died with its process): the call's time limit plus a margin.
   */
  submittedRecheckSeconds?: number;
  /** How long a status check holds its part (longer than a read with its retries). */
  leaseSeconds?: number;
  /**
   * How long after the money call AOPay's "no record of this reference" becomes conclusive
   * (nothing moved): before it, AOPay may simply not have caught up.
   */
  noRecordGraceMinutes?: number;
  /** A watching screen asks AOPay about one part at most once in this many seconds. */
  watchIntervalSeconds?: number;
  now?: () => Date;
}

/** Events of a money call that AOPay answered with a reply the client could read. */
const answeredMoneyCallCauses = ["confirm_success", "confirm_unknown", "confirm_duplicate_reference", "confirm_unexpected_shape"] as const;

/** What the agent reads when AOPay turns out never to have received a part. */
export const notReceivedText = "AOPay has no record of this part, so no money moved and nothing was charged. Start a new transfer to send it again with a new OTP.";

export interface Actor {
  userId: string | null;
}

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

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

async function changeState(
  tx: Tx,
  part: Pick<TransferPart, "id" | "state">,
  to: PartState,
  event: { actor: Actor; cause: string; exchangeIds?: bigint[]; details?: Prisma.InputJsonObject },
  data: Prisma.TransferPartUpdateManyMutationInput = {},
  /** Further conditions, such as still holding the part's lease. */
  onlyIf: Prisma.TransferPartWhereInput = {},
): Promise<boolean> {
  assertTransition(part.state, to);
  const { count } = await tx.transferPart.updateMany({ where: { ...onlyIf, id: part.id, state: part.state }, data: { ...data, state: to } });
  if (count === 0) return false;
  await tx.transferEvent.create({
    data: {
      partId: part.id,
      fromState: part.state,
      toState: to,
      actorId: event.actor.userId,
      cause: event.cause,
      exchangeId: event.exchangeIds?.at(-1) ?? null,
      details: event.details,
    },
  });
  return true;
}

export interface NewTransfer {
  /** The screen's key for this one request; a retry with the same key returns the same transfer. */
  requestKey?: string;
  outletId: string;
  agentId: string;
  remitter: { mobile: string; firstName: string; lastName: string };
  beneficiary: { id: string; name: string; bankName?: string; ifsc?: string; accountMasked?: string };
  mode: "IMPS" | "NEFT";
  amount: Decimal;
  pincode: string;
  address: string;
  dateOfBirth: Date;
  latitude: string;
  longitude: string;
}

/** The schedule's verdict as columns: the next check, or the manual-review flag. */
function scheduleData(next: NextCheck, at: Date): Prisma.TransferPartUpdateManyMutationInput {
  return "review" in next ? { nextCheckAt: null, needsReviewAt: at } : { nextCheckAt: next.at };
}

export function createLedger(deps: LedgerDeps) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const submittedRecheckSeconds = deps.submittedRecheckSeconds ?? 60;
  const leaseSeconds = deps.leaseSeconds ?? 120;
  const noRecordGraceMinutes = deps.noRecordGraceMinutes ?? 30;
  const watchIntervalSeconds = deps.watchIntervalSeconds ?? 10;

  /** Writes the transfer and its parts (DRAFT), reserving the amount against the month's limit. */
  async function createTransfer(input: NewTransfer, actor: Actor): Promise<{ transferId: string; repeated: boolean }> {
    const earlier = input.requestKey ? await prisma.transfer.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } }) : null;
    if (earlier) return { transferId: earlier.id, repeated: true };
    return prisma.$transaction(async (tx) => {
      const at = now();
      // The plan in force at the transfer's own time, read in its transaction (see addPlan).
      const plan = await planInForce(tx, at);
      const preview = previewFees(input.amount, plan.terms);
      await tx.remitter.upsert({
        where: { mobile: input.remitter.mobile },
        create: { ...input.remitter, pincode: input.pincode, address: input.address, dateOfBirth: input.dateOfBirth },
        update: { firstName: input.remitter.firstName, lastName: input.remitter.lastName, pincode: input.pincode, address: input.address, dateOfBirth: input.dateOfBirth },
      });
      // One transfer at a time per remitter: the row lock makes the limit check and the
      // reservation a single step, however many requests race.
      await tx.$queryRaw`SELECT mobile FROM remitters WHERE mobile = ${input.remitter.mobile} FOR UPDATE`;
      const left = new Decimal(monthlyLimitRupees).minus(await monthUsage(tx, input.remitter.mobile, at));
      if (input.amount.gt(left)) {
        throw new Refusal(`This customer can send Rs ${left.toFixed(0)} more this month (limit ${rupeesSpoken(monthlyLimitRupees)}).`);
      }
      const transfer = await tx.transfer.create({
        data: {
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
        },
      });
      for (const [index, part] of preview.parts.entries()) {
        const created = await tx.transferPart.create({
          data: {
            transferId: transfer.id,
            seq: index + 1,
            reference: newReference(at),
            amount: part.amount.toFixed(2),
            customerCharge: part.customerCharge.toFixed(2),
            gst: part.gst.toFixed(2),
            commission: part.commission.toFixed(2),
            tds: part.tds.toFixed(2),
            netCommission: part.netCommission.toFixed(2),
            planId: plan.id,
          },
        });
        await tx.transferEvent.create({ data: { partId: created.id, toState: "DRAFT", actorId: actor.userId, cause: "transfer_created" } });
      }
      return { transferId: transfer.id, repeated: false };
    });
  }

  async function loadPart(partId: string) {
    const part = await prisma.transferPart.findUnique({ where: { id: partId }, include: { transfer: true } });
    if (!part) throw new Refusal("That transfer part does not exist.");
    const outlet = await prisma.outlet.findUniqueOrThrow({ where: { id: part.transfer.outletId }, select: { registrationId: true } });
    return { part, registrationId: outlet.registrationId };
  }

  function detailsOf(transfer: Prisma.TransferGetPayload<object>, amount: Prisma.Decimal): TransferDetails {
    return {
      mobile: transfer.remitterMobile,
      beneficiaryId: transfer.beneficiaryId,
      mode: transfer.mode,
      amount: new Decimal(amount.toString()),
      pincode: transfer.pincode,
      address: transfer.address,
      dateOfBirth: transfer.dateOfBirth,
      latitude: transfer.latitude.toString(),
      longitude: transfer.longitude.toString(),
    };
  }

  function clientFor(registrationId: string) {
    const exchangeIds: bigint[] = [];
    return { client: deps.aopay(registrationId, (id) => exchangeIds.push(id)), exchangeIds };
  }

  function settledData(report: TransferReport | undefined): Prisma.TransferPartUpdateManyMutationInput {
    if (!report) return {};
    const c = report.charges;
    return {
      utr: report.utr ?? undefined,
      ackno: report.ackno ?? undefined,
      reportedCustomerCharge: c.customerCharge?.toFixed(2),
      reportedGst: c.gst?.toFixed(2),
      reportedDiscount: c.discount?.toFixed(2),
      reportedTds: c.tds?.toFixed(2),
      reportedNetCommission: c.netCommission?.toFixed(2),
      // Recorded as reported, whatever they are: they decide nothing by themselves.
      reportedRefundedAt: report.refundedAt,
      reportedRefundTxnId: report.refundTransactionId,
    };
  }

  type ConflictFields = Pick<TransferPart, "conflictingAt" | "conflictSettledAt" | "conflictReason">;

  /**
   * Whether a reading's conflict is news: a part already waiting for a person keeps its first
   * reason, and the same contradiction after a person settled it does not open it again (a
   * pending part is asked about again and again).
   */
  function newConflict(part: ConflictFields, reading: StatusReading): boolean {
    if (!reading.conflict) return false;
    if (!part.conflictingAt) return true;
    if (!part.conflictSettledAt) return false;
    return !(part.conflictReason ?? "").startsWith(reading.conflict);
  }

  /** The columns a reading sets besides the state: a conflict for a person, the end of a part AOPay never got. */
  function readingData(part: ConflictFields, reading: StatusReading, answer: StatusAnswer | undefined, at: Date): Prisma.TransferPartUpdateManyMutationInput {
    if (reading.noRecord) return { failureReason: notReceivedText, settledAt: at, nextCheckAt: null };
    if (newConflict(part, reading)) return { conflictingAt: at, conflictReason: `${reading.conflict} AOPay said: "${maskLongDigits(answer?.message ?? "")}".`, conflictSettledAt: null, conflictSettledBy: null, conflictNote: null };
    return {};
  }

  /** The ledger's event details and audit entry for a reading that needs them. */
  async function recordReading(tx: Tx, part: Pick<TransferPart, "id" | "reference"> & ConflictFields, reading: StatusReading, answer: StatusAnswer | undefined, actor: Actor) {
    if (!reading.noRecord && !newConflict(part, reading)) return;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: reading.noRecord ? "money.part_not_received" : "money.conflicting_reply",
      targetType: "transfer_part",
      targetId: part.id,
      details: { reference: part.reference, code: answer?.code ?? null, message: maskLongDigits(answer?.message ?? ""), ...(reading.conflict ? { conflict: reading.conflict } : {}) },
    });
  }

  /** Whether AOPay answered the part's money call readably (so it received it), by the ledger's events. */
  async function moneyCallAnswered(partId: string): Promise<boolean> {
    const answered = await prisma.transferEvent.count({ where: { partId, cause: { in: [...answeredMoneyCallCauses] } } });
    return answered > 0;
  }

  /**
   * Asks about a part this caller leased and applies the answer. A check for a watching screen
   * (`keepSchedule`) leaves the worker's schedule and count alone unless the part settles.
   */
  async function checkLeased(partId: string, token: string, actor: Actor, options: { keepSchedule?: boolean } = {}): Promise<{ state: PartState; moved: boolean }> {
    const part = await prisma.transferPart.findUniqueOrThrow({ where: { id: partId }, include: { transfer: { select: { outletId: true } } } });
    if (part.leasedBy !== token) return { state: part.state, moved: false };
    const release = { leaseUntil: null, leasedBy: null };
    const { registrationId } = await prisma.outlet.findUniqueOrThrow({ where: { id: part.transfer.outletId }, select: { registrationId: true } });
    const { client, exchangeIds } = clientFor(registrationId);
    let answer: StatusAnswer | undefined;
    try {
      answer = await client.transferStatus(part.reference);
    } catch (error) {
      if (!(error instanceof AopayCallError)) throw error;
    }
    const at = now();
    // Only "no record" asks whether AOPay ever knew of the part; every other answer says itself.
    const acknowledged = part.ackno !== null || part.utr !== null || (answer?.outcome === "no_record" && (await moneyCallAnswered(part.id)));
    const reading = readStatusAnswer(part.state, answer, { ...part, acknowledged }, at, noRecordGraceMinutes);
    const to = reading.to;
    const settled = to === "SUCCESS" || to === "FAILED" || to === "REFUNDED" || to === "CANCELLED";
    const anchor = part.state === "REFUND_PENDING" ? (part.refundOtpSentAt ?? part.updatedAt) : (part.submittedAt ?? part.createdAt);
    const schedule = settled
      ? { settledAt: at, nextCheckAt: null, ...(to === "REFUNDED" ? { refundedAt: answer?.transfer?.refundedAt ?? at, refundTxnId: answer?.transfer?.refundTransactionId } : {}) }
      : options.keepSchedule
        ? {}
        : { checkCount: { increment: 1 }, ...scheduleData(nextCheck(anchor, part.checkCount + 1, at), at) };
    const cause = reading.noRecord ? "status_no_record" : "status_checked";
    const details = { reported: answer?.transfer?.state ?? answer?.outcome ?? "no_answer", ...(reading.conflict ? { conflict: reading.conflict } : {}), ...(reading.noRecord ? { code: answer?.code ?? null, message: maskLongDigits(answer?.message ?? "") } : {}) };
    const changed = await prisma.$transaction(async (tx) => {
      const moved = await changeState(tx, part, to, { actor, cause, exchangeIds, details }, {
        ...(part.state === "REFUND_PENDING" ? {} : settledData(answer?.transfer)),
        ...readingData(part, reading, answer, at),
        ...release,
        lastCheckedAt: at,
        ...schedule,
      }, { leasedBy: token });
      if (moved) await recordReading(tx, part, reading, answer, actor);
      return moved;
    });
    if (!changed) {
      // Someone else moved the part meanwhile (the money call's own answer): keep theirs, free ours.
      await prisma.transferPart.updateMany({ where: { id: partId, leasedBy: token }, data: release });
      const { state } = await prisma.transferPart.findUniqueOrThrow({ where: { id: partId }, select: { state: true } });
      return { state, moved: state !== part.state };
    }
    return { state: to, moved: to !== part.state };
  }

  return {
    createTransfer,

    /**
     * Cancels the parts of a transfer that have not reached the money call (the customer
     * changed their mind, or a start was repeated): their reservation is freed.
     */
    async cancelUnsent(transferId: string, actor: Actor): Promise<number> {
      const parts = await prisma.transferPart.findMany({ where: { transferId, state: { in: ["DRAFT", "OTP_SENT", "OTP_EXPIRED"] } } });
      let cancelled = 0;
      for (const part of parts) {
        const done = await prisma.$transaction((tx) =>
          changeState(tx, part, "CANCELLED", { actor, cause: "cancelled_by_agent" }, { failureReason: "Cancelled at the counter before it was sent.", settledAt: now() }),
        );
        if (done) cancelled++;
      }
      return cancelled;
    },

    /** Sends (or sends again) the OTP for a part; a new OTP makes the old one useless. */
    async sendOtp(partId: string, actor: Actor): Promise<{ ok: true; expiresAt: Date } | { ok: false; message: string }> {
      const { part, registrationId } = await loadPart(partId);
      if (!["DRAFT", "OTP_SENT", "OTP_EXPIRED"].includes(part.state)) return { ok: false, message: "This part is past its OTP." };
      const earlier = await prisma.transferPart.count({ where: { transferId: part.transferId, seq: { lt: part.seq }, state: { in: ["DRAFT", "OTP_SENT", "OTP_EXPIRED"] } } });
      if (earlier > 0) return { ok: false, message: "Finish the earlier part first." };
      const { client, exchangeIds } = clientFor(registrationId);
      // AOPay's 90 seconds start when it sends the OTP: count them from before the call.
      const at = now();
      let answer: Answer;
      try {
        answer = await client.sendTransferOtp(detailsOf(part.transfer, part.amount), part.reference);
      } catch (error) {
        if (error instanceof AopayCallError) return { ok: false, message: "AOPay did not answer. No money moved; try sending the OTP again." };
        throw error;
      }
      if (answer.outcome !== "success" || !answer.stateresp) {
        const message =
          answer.outcome === "remitter_not_registered" ? "AOPay says this customer is not registered. Register them first." : answerText(answer, "AOPay refused to send the OTP.");
        return { ok: false, message };
      }
      const expiresAt = addSeconds(at, deps.otpValiditySeconds);
      const changed = await prisma.$transaction((tx) =>
        changeState(tx, part, "OTP_SENT", { actor, cause: part.state === "DRAFT" ? "otp_sent" : "otp_resent", exchangeIds }, { stateresp: answer.stateresp, otpSentAt: at, otpExpiresAt: expiresAt }),
      );
      if (!changed) return { ok: false, message: "This part changed meanwhile; reload the page." };
      return { ok: true, expiresAt };
    },

    /**
     * Confirms a part with the customer's OTP. Only the request that moves the part from
     * OTP_SENT to SUBMITTED makes the money call; every other one (a double click, a second
     * tab, a reload) gets the part's current state instead.
     */
    async confirm(partId: string, otp: string, actor: Actor): Promise<{ state: PartState; message?: string }> {
      const { part, registrationId } = await loadPart(partId);
      const at = now();
      const claimed = await prisma.$transaction(async (tx) => {
        const { count } = await tx.transferPart.updateMany({
          where: { id: part.id, state: "OTP_SENT", otpExpiresAt: { gt: at } },
          // Write-ahead: should this process die during the call, the worker asks about it then.
          data: { state: "SUBMITTED", submittedAt: at, nextCheckAt: addSeconds(at, submittedRecheckSeconds) },
        });
        if (count === 1) await tx.transferEvent.create({ data: { partId: part.id, fromState: "OTP_SENT", toState: "SUBMITTED", actorId: actor.userId, cause: "confirm_submitted" } });
        return count === 1;
      });
      if (!claimed) {
        const current = await prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
        if (current.state === "OTP_SENT" && current.otpExpiresAt && current.otpExpiresAt <= at) {
          await prisma.$transaction((tx) => changeState(tx, current, "OTP_EXPIRED", { actor, cause: "otp_expired" }));
          return { state: "OTP_EXPIRED", message: "The OTP has expired. Send a new one." };
        }
        return { state: current.state, message: current.state === "OTP_SENT" ? undefined : "Already confirmed." };
      }

      const submitted = { id: part.id, state: "SUBMITTED" as PartState };
      // The state token as it is now that the part is ours (a resend may have changed it).
      const { stateresp } = await prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, select: { stateresp: true } });
      const { client, exchangeIds } = clientFor(registrationId);
      let answer: Awaited<ReturnType<AopayClient["confirmTransfer"]>>;
      try {
        answer = await client.confirmTransfer({ ...detailsOf(part.transfer, part.amount), otp, stateresp: stateresp ?? "", reference: part.reference });
      } catch (error) {
        if (!(error instanceof AopayCallError)) throw error;
        if (error.moneyMayHaveMoved) {
          const moved = await prisma.$transaction((tx) =>
            changeState(tx, submitted, "PENDING", { actor, cause: `confirm_${error.kind}`, exchangeIds }, scheduleData(nextCheck(at, 0, now()), now())),
          );
          if (!moved) return { state: (await prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, select: { state: true } })).state, message: "The status was updated meanwhile." };
          return { state: "PENDING", message: "AOPay's answer did not arrive. The money may have moved; the portal is checking." };
        }
        // Certainly not sent: the OTP may still be good.
        await prisma.$transaction((tx) => changeState(tx, submitted, "OTP_SENT", { actor, cause: `confirm_${error.kind}`, exchangeIds }, { nextCheckAt: null }));
        if (error.kind === "not_recorded") return { state: "OTP_SENT", message: "The portal could not record the request, so it was not sent. No money moved; confirm again in a moment." };
        return { state: "OTP_SENT", message: "AOPay could not be reached. No money moved; confirm again." };
      }

      const applied = await prisma.$transaction(async (tx) => {
        const event = { actor, cause: `confirm_${answer.outcome}`, exchangeIds, details: { code: answer.code ?? null, message: maskLongDigits(answer.message) } };
        if (answer.outcome === "wrong_otp") {
          const moved = await changeState(tx, submitted, "OTP_SENT", event, { nextCheckAt: null });
          return { moved, state: "OTP_SENT" as PartState, message: `${answer.message.trim() || "Wrong OTP."} Check the OTP with the customer and type it again.` };
        }
        // An explicit refusal of the money call: nothing moved. (A 202 is documented only for
        // Send OTP and Status, so on Transaction it is not taken as a refusal.)
        if (answer.outcome === "rejected" || answer.outcome === "authentication_failed") {
          const message = answerText(answer, "AOPay refused the transfer.");
          const moved = await changeState(tx, submitted, "CANCELLED", event, { failureReason: message, settledAt: now(), nextCheckAt: null });
          return { moved, state: "CANCELLED" as PartState, message };
        }
        if (answer.outcome === "success" && answer.transfer) {
          const reading = readStatusAnswer("SUBMITTED", answer, { reference: part.reference, amount: part.amount, submittedAt: at, refundOtpSentAt: null, acknowledged: true }, now(), noRecordGraceMinutes);
          const to = reading.to;
          const final = to !== "PENDING";
          const moved = await changeState(tx, submitted, to, { ...event, details: { ...event.details, ...(reading.conflict ? { conflict: reading.conflict } : {}) } }, {
            ...settledData(answer.transfer),
            ...readingData(part, reading, answer, now()),
            failureReason: to === "FAILED" ? answer.message : undefined,
            settledAt: final ? now() : undefined,
            ...(final ? { nextCheckAt: null } : scheduleData(nextCheck(at, 0, now()), now())),
          });
          if (moved) await recordReading(tx, part, reading, answer, actor);
          return { moved, state: to, message: to === "FAILED" ? answer.message : undefined };
        }
        // Unknown code, duplicate reference, or success without the transfer's state: ask Status.
        const moved = await changeState(tx, submitted, "PENDING", event, scheduleData(nextCheck(at, 0, now()), now()));
        return { moved, state: "PENDING" as PartState, message: undefined };
      });
      if (applied.moved) return { state: applied.state, message: applied.message };
      // A status check moved the part while the call was out: the ledger keeps that state (the
      // call's reply is still in aopay_exchanges); say so instead of claiming ours.
      const current = await prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, select: { state: true } });
      return current.state === applied.state ? { state: applied.state, message: applied.message } : { state: current.state, message: "The status was updated meanwhile." };
    },

    /**
     * Asks AOPay where one part stands and applies the answer, if no one else is asking about
     * it right now (then its current state is returned unasked). For the supervisor's "ask
     * now" and, with `watching`, the agent's open screen: such a check is made at most once per
     * `watchIntervalSeconds` per part (by anyone's check) and leaves the worker's schedule as it
     * is. The worker claims due parts in batches instead.
     */
    async checkStatus(partId: string, actor: Actor = { userId: null }, options: { watching?: boolean } = {}): Promise<PartState> {
      const token = randomUUID();
      const at = now();
      const free = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }] };
      const notJustAsked = { OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: addSeconds(at, -watchIntervalSeconds) } }] };
      const { count } = await prisma.transferPart.updateMany({
        where: { id: partId, state: { in: [...checkableStates] }, ...(options.watching ? { AND: [free, notJustAsked] } : free) },
        data: { leaseUntil: addSeconds(at, leaseSeconds), leasedBy: token },
      });
      if (count === 0) return (await prisma.transferPart.findUniqueOrThrow({ where: { id: partId }, select: { state: true } })).state;
      return (await checkLeased(partId, token, actor, { keepSchedule: options.watching })).state;
    },

    /**
     * Leases up to `limit` parts whose next check is due, skipping rows another worker holds
     * (FOR UPDATE SKIP LOCKED) or has leased, so no part is asked about twice at once.
     */
    async claimDueChecks(limit: number): Promise<{ token: string; partIds: string[] }> {
      const token = randomUUID();
      const at = now();
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE transfer_parts SET lease_until = ${addSeconds(at, leaseSeconds)}, leased_by = ${token}
        WHERE id IN (
          SELECT id FROM transfer_parts
          WHERE state IN ('SUBMITTED', 'PENDING', 'REFUND_PENDING') AND next_check_at <= ${at}
            AND (lease_until IS NULL OR lease_until < ${at})
          ORDER BY next_check_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id`;
      return { token, partIds: rows.map((r) => r.id) };
    },

    /** Asks about a part this caller leased (claimDueChecks), applies the answer, frees the lease. */
    checkLeased: (partId: string, token: string, actor: Actor = { userId: null }) => checkLeased(partId, token, actor),

    /** Sends the customer the OTP that authorises the refund of a failed part. */
    async requestRefundOtp(partId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
      const { part, registrationId } = await loadPart(partId);
      if (part.state !== "FAILED" && part.state !== "REFUND_PENDING") return { ok: false, message: "Only a failed transfer can be refunded." };
      if (!part.ackno) return { ok: false, message: "AOPay has not given this transfer's acknowledgement number yet; ask its status first." };
      const { client, exchangeIds } = clientFor(registrationId);
      let answer: Answer;
      try {
        answer = await client.refundOtp({ reference: part.reference, ackno: part.ackno });
      } catch (error) {
        if (error instanceof AopayCallError) return { ok: false, message: "AOPay did not answer. Nothing changed; ask for the refund OTP again." };
        throw error;
      }
      if (answer.outcome !== "success") return { ok: false, message: answerText(answer, "AOPay refused to send the refund OTP.") };
      const at = now();
      const changed = await prisma.$transaction((tx) =>
        changeState(tx, part, "REFUND_PENDING", { actor, cause: part.state === "FAILED" ? "refund_otp_sent" : "refund_otp_resent", exchangeIds }, { refundOtpSentAt: at }),
      );
      return changed ? { ok: true } : { ok: false, message: "This transfer changed meanwhile; reload the page." };
    },

    /**
     * Claims the refund with the customer's OTP. One claim at a time per part (a lease); an
     * unknown answer leaves REFUND_PENDING for the worker to settle by Transaction Status.
     */
    async claimRefund(partId: string, otp: string, actor: Actor): Promise<{ state: PartState; message?: string }> {
      const { part, registrationId } = await loadPart(partId);
      const token = randomUUID();
      const at = now();
      const { count } = await prisma.transferPart.updateMany({
        where: { id: part.id, state: "REFUND_PENDING", ackno: { not: null }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }] },
        // The Refund call is a write: hold the part for its whole time limit, not a read's.
        data: { leaseUntil: addSeconds(at, Math.max(leaseSeconds, submittedRecheckSeconds)), leasedBy: token },
      });
      if (count === 0) {
        const current = await prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, select: { state: true } });
        return {
          state: current.state,
          message: current.state === "REFUND_PENDING" ? "The portal is busy with this refund (a claim or a status check). Try again in a moment." : undefined,
        };
      }
      const pending = { id: part.id, state: "REFUND_PENDING" as PartState };
      const release = { leaseUntil: null, leasedBy: null };
      const ours = { leasedBy: token };
      const { client, exchangeIds } = clientFor(registrationId);
      let answer: Awaited<ReturnType<AopayClient["refund"]>>;
      try {
        answer = await client.refund({ reference: part.reference, ackno: part.ackno!, otp });
      } catch (error) {
        if (!(error instanceof AopayCallError)) throw error;
        const next = error.moneyMayHaveMoved ? { ...scheduleData(nextCheck(at, 0, now()), now()), checkCount: 0 } : {};
        await prisma.$transaction((tx) => changeState(tx, pending, "REFUND_PENDING", { actor, cause: `refund_${error.kind}`, exchangeIds }, { ...release, ...next }, ours));
        return {
          state: "REFUND_PENDING",
          message: error.moneyMayHaveMoved ? "AOPay's answer did not arrive. The refund may have gone through; the portal is checking." : "AOPay could not be reached. Nothing changed; try again.",
        };
      }
      const event = { actor, cause: `refund_${answer.outcome}`, exchangeIds, details: { code: answer.code ?? null, message: maskLongDigits(answer.message) } };
      if (answer.outcome === "success") {
        await prisma.$transaction((tx) => changeState(tx, pending, "REFUNDED", event, { ...release, refundedAt: now(), refundTxnId: answer.refundTransactionId, settledAt: now(), nextCheckAt: null }, ours));
        return { state: "REFUNDED" };
      }
      if (answer.outcome === "rejected" || answer.outcome === "wrong_otp" || answer.outcome === "no_record" || answer.outcome === "authentication_failed") {
        await prisma.$transaction((tx) => changeState(tx, pending, "REFUND_PENDING", event, release, ours));
        return { state: "REFUND_PENDING", message: answerText(answer, "AOPay refused the refund.") };
      }
      await prisma.$transaction((tx) => changeState(tx, pending, "REFUND_PENDING", event, { ...release, ...scheduleData(nextCheck(at, 0, now()), now()), checkCount: 0 }, ours));
      return { state: "REFUND_PENDING", message: "AOPay's answer was unclear. The portal is checking whether the refund went through." };
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
