/**
 * Marking a day reconciled: the day (India time, every outlet) is locked against further
 * statement imports, with its totals at that moment kept as the record, and the lock is
 * audited ("reconciliation.day_locked"). Only a day that is over can be locked; a day with
 * open differences needs a note saying why it is locked anyway. Locks are never lifted by the
 * portal.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { holdReconciliationLock } from "@/lib/reconciliation/advisory-lock";
import { dateAsDay, dayAsDate } from "@/lib/reconciliation/period";
import { dayLabel } from "@/lib/days";
import { reconciliationSums, statementDayStats, type Sums } from "@/lib/reconciliation/view";
import { formatIst } from "@/lib/format";
import { indiaDay } from "@/lib/days";
import { said, type Said } from "@/lib/i18n/said";

type Reader = PrismaClient | Prisma.TransactionClient;

export interface DaySummary extends Sums {
  day: string;
  /** Successful parts of the day that no imported statement has. */
  missingFromStatements: number;
  statementRows: number;
  /** Statement rows of the day that disagree with the ledger. */
  statementDiffering: number;
  /** Everything an admin should have looked at: differing and unreported parts, missing parts, differing statement rows. */
  openDifferences: number;
}

export interface LockedDay {
  day: string;
  lockedAt: Date;
  lockedBy: string;
  note: string | null;
  summary: DaySummary;
}

export async function daySummary(prisma: Reader, day: string): Promise<DaySummary> {
  const period = { from: day, to: day };
  const [{ total }, statement] = await Promise.all([reconciliationSums(prisma, period), statementDayStats(prisma, period)]);
  const stats = statement[0] ?? { rows: 0, differing: 0 };
  const missingFromStatements = total.parts - total.inStatement;
  return {
    day,
    ...total,
    missingFromStatements,
    statementRows: stats.rows,
    statementDiffering: stats.differing,
    openDifferences: total.differing + total.unreported + missingFromStatements + stats.differing,
  };
}

/** A refusal says why in the admin's language; its day and moment are written in English (the domain knows no reader). */
export type LockOutcome = { ok: true; summary: DaySummary } | { ok: false; message: Said; field?: "day" | "note" };

export async function lockDay(
  prisma: PrismaClient,
  actor: { id: string; username: string },
  input: { day: string; note?: string | null },
  now = new Date(),
): Promise<LockOutcome> {
  const { day } = input;
  const note = input.note?.trim() || null;
  if (day >= indiaDay(now)) return { ok: false, field: "day", message: said("reconciliation.lock.notOverYet", { day: dayLabel(day) }) };
  return prisma.$transaction(async (tx) => {
    await holdReconciliationLock(tx);
    const existing = await tx.reconciledDay.findUnique({ where: { day: dayAsDate(day) }, select: { lockedAt: true, lockedById: true } });
    if (existing) {
      const by = await tx.user.findUnique({ where: { id: existing.lockedById }, select: { name: true } });
      const when = { day: dayLabel(day), at: formatIst(existing.lockedAt) };
      const message = by ? said("reconciliation.lock.lockedBefore", { ...when, name: by.name }) : said("reconciliation.lock.lockedBeforeByAdmin", when);
      return { ok: false as const, field: "day" as const, message };
    }
    const summary = await daySummary(tx, day);
    if (summary.openDifferences > 0 && !note) {
      return {
        ok: false as const,
        field: "note" as const,
        message: said("reconciliation.lock.needsNote", { day: dayLabel(day), count: summary.openDifferences }),
      };
    }
    const record = summary as unknown as Prisma.InputJsonObject;
    await tx.reconciledDay.create({ data: { day: dayAsDate(day), lockedById: actor.id, lockedAt: now, note, summary: record } });
    await recordAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.username,
      action: "reconciliation.day_locked",
      targetType: "day",
      targetId: day,
      details: { note, summary: record },
    });
    return { ok: true as const, summary };
  });
}

/** The locked days among from..to, oldest first, with who locked them. */
export async function lockedDays(prisma: Reader, from: string, to: string): Promise<LockedDay[]> {
  const days = await prisma.reconciledDay.findMany({ where: { day: { gte: dayAsDate(from), lte: dayAsDate(to) } }, orderBy: { day: "asc" } });
  const names = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(days.map((d) => d.lockedById))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return days.map((d) => ({
    day: dateAsDay(d.day),
    lockedAt: d.lockedAt,
    lockedBy: names.get(d.lockedById) ?? "",
    note: d.note,
    summary: d.summary as unknown as DaySummary,
  }));
}
