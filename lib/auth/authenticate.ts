/**
 * Checks a username and password, with a lockout that lives in the database so that it
 * holds across several app instances: five wrong passwords lock the account for 15 minutes.
 */
import "server-only";
import { addMinutes } from "date-fns";
import { recordAudit } from "@/lib/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/roles";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

export const maxFailedLogins = 5;
export const lockMinutes = 15;

export type AuthenticationResult =
  | { ok: true; user: { id: string; username: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date }
  | { ok: false; reason: "disabled" };

export interface Credentials {
  username: string;
  password: string;
  ip?: string | null;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function authenticate(
  prisma: PrismaClient,
  { username: typed, password, ip }: Credentials,
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const username = normaliseUsername(typed);
  const user = await prisma.user.findUnique({ where: { username } });
  const audit = (action: string, details: Record<string, string> = {}) =>
    recordAudit(prisma, {
      actorId: user?.id,
      actorLabel: username.slice(0, 64),
      action,
      targetType: "user",
      targetId: user?.id,
      details,
      ip,
    });

  if (!user) {
    await verifyAgainstDummy(password);
    await audit("auth.sign_in_failed", { reason: "unknown_user" });
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit("auth.sign_in_refused", { reason: "locked" });
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    // The increment is atomic, so concurrent attempts on several instances all count.
    const { failedLoginCount } = await prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    if (failedLoginCount < maxFailedLogins) {
      await audit("auth.sign_in_failed", { reason: "wrong_password" });
      return { ok: false, reason: "invalid" };
    }
    const lockedUntil = addMinutes(now, lockMinutes);
    // The count restarts, so after the lock ends the user has five tries again.
    await prisma.user.updateMany({
      where: { id: user.id, failedLoginCount: { gte: maxFailedLogins } },
      data: { failedLoginCount: 0, lockedUntil },
    });
    await audit("auth.account_locked", { until: lockedUntil.toISOString() });
    return { ok: false, reason: "locked", lockedUntil };
  }

  if (!user.active) {
    await audit("auth.sign_in_refused", { reason: "disabled" });
    return { ok: false, reason: "disabled" };
  }

  // Only succeeds if no concurrent attempt locked the account meanwhile.
  const { count } = await prisma.user.updateMany({
    where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  if (count === 0) {
    const locked = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    return { ok: false, reason: "locked", lockedUntil: locked.lockedUntil ?? now };
  }
  await audit("auth.signed_in");
  return { ok: true, user: { id: user.id, username: user.username, name: user.name, role: user.role } };
}
