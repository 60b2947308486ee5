/**
 * The transfer ledger: the one place that writes transfers, their parts and their events.
 *
 * Write-ahead: a part's row is committed before the call that concerns it, and the call's
 * outcome is applied after it. Every state change goes through `changeState`, which refuses
 * illegal transitions and loses any race it did not win (the row's state is part of the
 * update's condition), so two requests can never both make the money call for one part.
 */
import { randomInt } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { addSeconds, format, startOfMonth } from "date-fns";
import Decimal from "decimal.js";
import type { AopayClient } from "@/lib/aopay/client";
import { responseCodes } from "@/lib/aopay/contract";
import { AopayCallError } from "@/lib/aopay/errors";
import type { Answer, TransferDetails, TransferReport } from "@/lib/aopay/types";
import type { Prisma, PrismaClient, TransferPart } from "@/lib/generated/prisma/client";
import { assertTransition, reservingStates, type PartState } from "@/lib/ledger/states";
import { previewFees } from "@/lib/transfers/split";

export const monthlyLimitRupees = 25_000;
/** First re-ask after an unknown answer; the status worker takes over from there. */
export const firstCheckDelaySeconds = 30;

export interface LedgerDeps {
  prisma: PrismaClient;
  /** An AOPay client for an outlet; `onExchangeStored` receives the recorded exchange ids. */
  aopay: (registrationId: string, onExchangeStored: (id: bigint) => void) => AopayClient;
  otpValiditySeconds: number;
  now?: () => Date;
}

export interface Actor {
  userId: string | null;
}

export class LedgerRefusal extends Error {
  override name = "LedgerRefusal";
}

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

const india = (at: Date) => new TZDate(at, "Asia/Kolkata");

/** A digits-only reference, unique by index: year, day of year, then nine random digits. */
export function newReference(at: Date): string {
  return format(india(at), "yyDDD", { useAdditionalDayOfYearTokens: true }) + String(randomInt(0, 1_000_000_000)).padStart(9, "0");
}

/** What the remitter has used of the month's limit: every part that may still move money. */
export async function monthUsage(db: Db, remitterMobile: string, at: Date): Promise<Decimal> {
  const from = new Date(startOfMonth(india(at)).getTime());
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
): Promise<boolean> {
  assertTransition(part.state, to);
  const { count } = await tx.transferPart.updateMany({ where: { id: part.id, state: part.state }, data: { ...data, state: to } });
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

export function createLedger(deps: LedgerDeps) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());

  /** Writes the transfer and its parts (DRAFT), reserving the amount against the month's limit. */
  async function createTransfer(input: NewTransfer, actor: Actor): Promise<{ transferId: string; repeated: boolean }> {
    const preview = previewFees(input.amount);
    const earlier = input.requestKey ? await prisma.transfer.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } }) : null;
    if (earlier) return { transferId: earlier.id, repeated: true };
    return prisma.$transaction(async (tx) => {
      const at = now();
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
        throw new LedgerRefusal(`This customer can send Rs ${left.toFixed(0)} more this month (limit Rs 25,000).`);
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
          },
        });
        await tx.transferEvent.create({ data: { partId: created.id, toState: "DRAFT", actorId: actor.userId, cause: "transfer_created" } });
      }
      return { transferId: transfer.id, repeated: false };
    });
  }

  async function loadPart(partId: string) {
    const part = await prisma.transferPart.findUnique({ where: { id: partId }, include: { transfer: true } });
    if (!part) throw new LedgerRefusal("That transfer part does not exist.");
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
    };
  }

  /** Where an answer about a submitted or pending part leads. */
  function stateFromReport(report: TransferReport | undefined): PartState {
    switch (report?.state) {
      case "success":
        return "SUCCESS";
      case "failed":
        return "FAILED";
      case "refunded":
        return "REFUNDED";
      default:
        return "PENDING";
    }
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
          answer.outcome === "remitter_not_registered" ? "AOPay says this customer is not registered. Register them first." : answer.message || "AOPay refused to send the OTP.";
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
          data: { state: "SUBMITTED", submittedAt: at },
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
          await prisma.$transaction((tx) =>
            changeState(tx, submitted, "PENDING", { actor, cause: `confirm_${error.kind}`, exchangeIds }, { nextCheckAt: addSeconds(now(), firstCheckDelaySeconds) }),
          );
          return { state: "PENDING", message: "AOPay's answer did not arrive. The money may have moved; the portal is checking." };
        }
        // Certainly not sent: the OTP may still be good.
        await prisma.$transaction((tx) => changeState(tx, submitted, "OTP_SENT", { actor, cause: `confirm_${error.kind}`, exchangeIds }));
        return { state: "OTP_SENT", message: "AOPay could not be reached. No money moved; confirm again." };
      }

      const applied = await prisma.$transaction(async (tx) => {
        const event = { actor, cause: `confirm_${answer.outcome}`, exchangeIds, details: { code: answer.code ?? null, message: answer.message } };
        if (answer.outcome === "rejected" && answer.code === responseCodes.otpInvalid) {
          await changeState(tx, submitted, "OTP_SENT", event);
          return { state: "OTP_SENT" as PartState, message: answer.message || "Wrong OTP." };
        }
        // An explicit refusal of the money call: nothing moved. (A 202 is documented only for
        // Send OTP and Status, so on Transaction it is not taken as a refusal.)
        if (answer.outcome === "rejected" || answer.outcome === "authentication_failed") {
          await changeState(tx, submitted, "CANCELLED", event, { failureReason: answer.message, settledAt: now() });
          return { state: "CANCELLED" as PartState, message: answer.message };
        }
        if (answer.outcome === "success" && answer.transfer) {
          const to = stateFromReport(answer.transfer);
          const final = to !== "PENDING";
          await changeState(tx, submitted, to, event, {
            ...settledData(answer.transfer),
            failureReason: to === "FAILED" ? answer.message : undefined,
            settledAt: final ? now() : undefined,
            nextCheckAt: final ? null : addSeconds(now(), firstCheckDelaySeconds),
          });
          return { state: to, message: to === "FAILED" ? answer.message : undefined };
        }
        // Unknown code, duplicate reference, or success without the transfer's state: ask Status.
        await changeState(tx, submitted, "PENDING", event, { nextCheckAt: addSeconds(now(), firstCheckDelaySeconds) });
        return { state: "PENDING" as PartState };
      });
      // If a status check moved the part while the call was out, the ledger keeps that state
      // (the call's reply is still in aopay_exchanges); say so instead of claiming ours.
      const current = await prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, select: { state: true } });
      return current.state === applied.state ? applied : { state: current.state, message: "The status was updated meanwhile." };
    },

    /** Asks AOPay where a submitted or pending part stands, and applies a final answer. */
    async refresh(partId: string, actor: Actor = { userId: null }): Promise<PartState> {
      const { part, registrationId } = await loadPart(partId);
      if (part.state !== "PENDING" && part.state !== "SUBMITTED") return part.state;
      const { client, exchangeIds } = clientFor(registrationId);
      let report: TransferReport | undefined;
      try {
        const answer = await client.transferStatus(part.reference);
        report = answer.outcome === "success" ? answer.transfer : undefined;
      } catch (error) {
        if (!(error instanceof AopayCallError)) throw error;
      }
      const to = stateFromReport(report);
      const final = to !== "PENDING";
      await prisma.$transaction((tx) =>
        changeState(tx, part, to, { actor, cause: "status_checked", exchangeIds, details: { reported: report?.state ?? "no_answer" } }, {
          ...settledData(report),
          checkCount: { increment: 1 },
          settledAt: final ? now() : undefined,
          nextCheckAt: final ? null : addSeconds(now(), firstCheckDelaySeconds),
        }),
      );
      return to;
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
