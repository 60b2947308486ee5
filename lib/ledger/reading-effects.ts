/**
 * What a reading of AOPay's answer about a transfer (status-reading.ts) writes besides the
 * state: a conflicting reply put in front of a person, or the end of a part AOPay never
 * received, each with its audit entry. The money call's own answer and every status check use it.
 */
import { maskLongDigits } from "@/lib/aopay/mask";
import { said } from "@/lib/i18n/said";
import { failureColumns } from "@/lib/ledger/failure-reason";
import type { AuditEntry } from "@/lib/audit";
import type { TransferPart } from "@/lib/generated/prisma/client";
import type { PartColumnsInput } from "@/lib/ledger/state-change-sql";
import type { Actor } from "@/lib/ledger/context";
import type { StatusAnswer, StatusReading } from "@/lib/ledger/status-reading";

/** What the agent reads when AOPay turns out never to have received a part. */
export const notReceived = said("ledger.notReceived");

export type ConflictFields = Pick<TransferPart, "conflictingAt" | "conflictSettledAt" | "conflictReason">;

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
export function readingData(part: ConflictFields, reading: StatusReading, answer: StatusAnswer | undefined, at: Date): PartColumnsInput {
  if (reading.noRecord) return { ...failureColumns(notReceived), settledAt: at, nextCheckAt: null };
  if (newConflict(part, reading)) {
    return { conflictingAt: at, conflictReason: `${reading.conflict} AOPay said: "${maskLongDigits(answer?.message ?? "")}".`, conflictSettledAt: null, conflictSettledBy: null, conflictNote: null };
  }
  return {};
}

/** The audit entry for a reading that needs one (a part not received, a new conflict), if it does. */
export function readingAudit(
  part: Pick<TransferPart, "id" | "reference"> & ConflictFields,
  reading: StatusReading,
  answer: StatusAnswer | undefined,
  actor: Actor,
): AuditEntry | undefined {
  if (!reading.noRecord && !newConflict(part, reading)) return undefined;
  return {
    actorId: actor.userId,
    action: reading.noRecord ? "money.part_not_received" : "money.conflicting_reply",
    targetType: "transfer_part",
    targetId: part.id,
    details: { reference: part.reference, code: answer?.code ?? null, message: maskLongDigits(answer?.message ?? ""), ...(reading.conflict ? { conflict: reading.conflict } : {}) },
  };
}

/** The event's note of a reading's conflict, if it has one. */
export function conflictDetail(reading: StatusReading): { conflict?: string } {
  return reading.conflict ? { conflict: reading.conflict } : {};
}
