/** The audit trail: append-only events of who did what, to what, and when. */
import type { AuditAction } from "@/lib/audit-log/known-actions";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId?: string | null;
  actorLabel?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
  ip?: string | null;
}

type AuditWriter = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

export async function recordAudit(prisma: AuditWriter, entry: AuditEntry): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actorId: entry.actorId ?? null,
      actorLabel: entry.actorLabel ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}
