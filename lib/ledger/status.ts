/**
 * Asking AOPay where a part stands (Transaction Status) and applying the answer: the worker's
 * scheduled checks, a supervisor's "ask now" and an agent's watching screen. A check holds the
 * part by a lease so that no part is asked about twice at once; the answer is read by
 * status-reading.ts (conflicts for a person, "no record" ending a part AOPay never received).
 */
import { randomUUID } from "node:crypto";
import { addSeconds } from "date-fns";
import { AopayCallError } from "@/lib/aopay/errors";
import { maskLongDigits } from "@/lib/aopay/mask";
import type { TransferPart } from "@/lib/generated/prisma/client";
import type { PartColumnsInput } from "@/lib/ledger/state-change-sql";
import { scheduleData, settledData } from "@/lib/ledger/columns";
import { currentState, readPart, registrationIdOf, withAopay, type Actor, type LedgerContext, type PartWithTransfer } from "@/lib/ledger/context";
import { conflictDetail, readingAudit, readingData } from "@/lib/ledger/reading-effects";
import { nextCheck } from "@/lib/ledger/schedule";
import { checkableStates, type PartState } from "@/lib/ledger/states";
import { readStatusAnswer, type StatusAnswer, type StatusReading } from "@/lib/ledger/status-reading";
import { commitTransition, type PartChange, type PartEvent } from "@/lib/ledger/transition";
import { moneyOf } from "@/lib/wallet/part-money";

/** Events of a money call that AOPay answered with a reply the client could read. */
const answeredMoneyCallCauses = ["confirm_success", "confirm_unknown", "confirm_duplicate_reference", "confirm_unexpected_shape"] as const;

const finalStates: readonly PartState[] = ["SUCCESS", "FAILED", "REFUNDED", "CANCELLED"];

const released = { leaseUntil: null, leasedBy: null };

/**
 * Asks AOPay where one part stands and applies the answer, if no one else is asking about
 * it right now (then its current state is returned unasked). With `watching` (the agent's open
 * screen) such a check is made at most once per `watchIntervalSeconds` per part (by anyone's
 * check) and leaves the worker's schedule as it is.
 */
export async function checkStatus(ctx: LedgerContext, partId: string, actor: Actor, options: { watching?: boolean }): Promise<PartState> {
  const token = randomUUID();
  const at = ctx.now();
  const free = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }] };
  const notJustAsked = { OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: addSeconds(at, -ctx.watchIntervalSeconds) } }] };
  const { count } = await ctx.prisma.transferPart.updateMany({
    where: { id: partId, state: { in: [...checkableStates] }, ...(options.watching ? { AND: [free, notJustAsked] } : free) },
    data: { leaseUntil: addSeconds(at, ctx.leaseSeconds), leasedBy: token },
  });
  if (count === 0) return currentState(ctx, partId);
  return (await checkLeased(ctx, partId, token, actor, { keepSchedule: options.watching })).state;
}

/**
 * Leases up to `limit` parts whose next check is due, skipping rows another worker holds
 * (FOR UPDATE SKIP LOCKED) or has leased, so no part is asked about twice at once.
 */
export async function claimDueChecks(ctx: LedgerContext, limit: number): Promise<{ token: string; partIds: string[] }> {
  const token = randomUUID();
  const at = ctx.now();
  const rows = await ctx.prisma.$queryRaw<{ id: string }[]>`
    UPDATE transfer_parts SET lease_until = ${addSeconds(at, ctx.leaseSeconds)}, leased_by = ${token}
    WHERE id IN (
      SELECT id FROM transfer_parts
      WHERE state IN ('SUBMITTED', 'PENDING', 'REFUND_PENDING') AND next_check_at <= ${at}
        AND (lease_until IS NULL OR lease_until < ${at})
      ORDER BY next_check_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return { token, partIds: rows.map((r) => r.id) };
}

/**
 * Asks about a part this caller leased and applies the answer, freeing the lease. A check for
 * a watching screen (`keepSchedule`) leaves the worker's schedule and count alone unless the
 * part settles.
 */
export async function checkLeased(ctx: LedgerContext, partId: string, token: string, actor: Actor, options: { keepSchedule?: boolean } = {}): Promise<{ state: PartState; moved: boolean }> {
  const part = await readPart(ctx.prisma, partId);
  if (part.leasedBy !== token) return { state: part.state, moved: false };
  return withAopay(ctx, await registrationIdOf(ctx, part.transfer.outletId, actor), async ({ client, exchanges }) => {
    let answer: StatusAnswer | undefined;
    try {
      answer = await client.transferStatus(part.reference);
    } catch (error) {
      if (!(error instanceof AopayCallError)) throw error;
    }
    const at = ctx.now();
    // Only "no record" asks whether AOPay ever knew of the part; every other answer says itself.
    const acknowledged = part.ackno !== null || part.utr !== null || (answer?.outcome === "no_record" && (await moneyCallAnswered(ctx, part.id)));
    const reading = readStatusAnswer(part.state, answer, { ...part, acknowledged }, at, ctx.noRecordGraceMinutes);
    const change = changeForReading(part, reading, answer, { actor, exchanges, token, at, keepSchedule: options.keepSchedule });
    if (await commitTransition(ctx.prisma, change)) return { state: reading.to, moved: reading.to !== part.state };
    // Someone else moved the part meanwhile (the money call's own answer): keep theirs, free ours.
    await ctx.prisma.transferPart.updateMany({ where: { id: partId, leasedBy: token }, data: released });
    const state = await currentState(ctx, partId);
    return { state, moved: state !== part.state };
  });
}

/** Whether AOPay answered the part's money call readably (so it received it), by the ledger's events. */
async function moneyCallAnswered(ctx: LedgerContext, partId: string): Promise<boolean> {
  const answered = await ctx.prisma.transferEvent.count({ where: { partId, cause: { in: [...answeredMoneyCallCauses] } } });
  return answered > 0;
}

interface CheckFacts {
  actor: Actor;
  exchanges: PartEvent["exchanges"];
  /** The lease this check holds: the change is applied only while it still does. */
  token: string;
  at: Date;
  keepSchedule?: boolean;
}

/** The change a status reading makes: the state it gives, what AOPay reported, the lease freed, the next check. */
function changeForReading(part: PartWithTransfer, reading: StatusReading, answer: StatusAnswer | undefined, check: CheckFacts): PartChange {
  const { actor, exchanges, at } = check;
  const cause = reading.noRecord ? "status_no_record" : "status_checked";
  const details = {
    reported: answer?.transfer?.state ?? answer?.outcome ?? "no_answer",
    ...conflictDetail(reading),
    ...(reading.noRecord ? { code: answer?.code ?? null, message: maskLongDigits(answer?.message ?? "") } : {}),
  };
  return {
    part,
    to: reading.to,
    event: { actor, cause, exchanges, details },
    data: {
      ...(part.state === "REFUND_PENDING" ? {} : settledData(answer?.transfer)),
      ...readingData(part, reading, answer, at),
      ...released,
      lastCheckedAt: at,
      ...scheduleAfterCheck(part, reading.to, answer, check),
    },
    onlyIf: { leasedBy: check.token },
    audit: readingAudit(part, reading, answer, actor),
    money: moneyOf(part),
  };
}

/** A settled part's end, or when to ask next (a watching screen's check leaves the schedule alone). */
function scheduleAfterCheck(part: TransferPart, to: PartState, answer: StatusAnswer | undefined, check: CheckFacts): PartColumnsInput {
  const { at } = check;
  if (finalStates.includes(to)) {
    return { settledAt: at, nextCheckAt: null, ...(to === "REFUNDED" ? { refundedAt: answer?.transfer?.refundedAt ?? at, refundTxnId: answer?.transfer?.refundTransactionId } : {}) };
  }
  if (check.keepSchedule) return {};
  const anchor = part.state === "REFUND_PENDING" ? (part.refundOtpSentAt ?? part.updatedAt) : (part.submittedAt ?? part.createdAt);
  return { checkCount: { increment: 1 }, ...scheduleData(nextCheck(anchor, part.checkCount + 1, at), at) };
}
