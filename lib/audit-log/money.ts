/**
 * Audit records of the agent's money calls (transfer OTPs, confirmations, refund OTPs and
 * claims), written after the ledger has answered. The ledger's own events (transfer_events) stay
 * the record of what happened to the money; these say who asked, in the one log admins search.
 * Writing one never fails or holds up the agent's flow: any error is logged and swallowed.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/audit-log/known-actions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import type { Sentence } from "@/lib/i18n/said";

export type PartMoneyAction = Extract<AuditAction, "money.otp_sent" | "money.transfer_confirmed" | "money.confirm_refused" | "money.refund_otp_sent" | "money.refund_claimed" | "money.refund_refused">;

type AuditDb = Pick<PrismaClient, "auditEvent" | "transferPart">;

interface Actor {
  id: string;
  username: string;
  /** The request's address, when the call came from one. */
  ip?: string | null;
}

/** What the ledger answered: the resulting state, or whether the OTP went out. */
export type LedgerAnswer = { state: string; message?: Sentence } | { ok: boolean; message?: Sentence };

/** Records a money call on one part: its reference, amount and the ledger's answer. */
export async function auditPartMoneyCall(prisma: AuditDb, actor: Actor, action: PartMoneyAction, partId: string, answer: LedgerAnswer): Promise<void> {
  try {
    const part = await prisma.transferPart.findUnique({ where: { id: partId }, select: { reference: true, amount: true, seq: true, state: true } });
    await recordAudit(prisma, {
      actorId: actor.id,
      actorLabel: actor.username,
      ip: actor.ip,
      action,
      targetType: "transfer_part",
      targetId: partId,
      details: {
        reference: part?.reference ?? null,
        amount: part?.amount.toFixed(2) ?? null,
        part: part?.seq ?? null,
        ...("state" in answer ? { state: answer.state } : { sent: answer.ok, state: part?.state ?? null }),
        // The trail is read in English, whatever the agent was told in.
        ...(answer.message ? { message: String(answer.message) } : {}),
      },
    });
  } catch (error) {
    log.error({ err: error, action, partId }, "could not audit a money call");
  }
}

/** A started transfer as its audit record tells it: what the start wrote and where its first part stands. */
export interface StartedTransfer {
  transferId: string;
  amount: string;
  mode: string;
  /** Its parts' references, in order. */
  references: string[];
  firstPartState: string;
  /** What the agent was told when the first OTP did not go out. */
  message?: Sentence;
}

/** Records a started transfer: its amount, its parts' references and where its first part stands. */
export async function auditTransferStarted(prisma: Pick<PrismaClient, "auditEvent">, actor: Actor, started: StartedTransfer): Promise<void> {
  const { transferId, message, ...details } = started;
  try {
    await recordAudit(prisma, {
      actorId: actor.id,
      actorLabel: actor.username,
      ip: actor.ip,
      action: "money.transfer_started",
      targetType: "transfer",
      targetId: transferId,
      details: { ...details, ...(message ? { message: String(message) } : {}) },
    });
  } catch (error) {
    log.error({ err: error, transferId }, "could not audit a started transfer");
  }
}
