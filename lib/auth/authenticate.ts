/**
 * Checks a username and password behind the sign-in throttle (lib/auth/sign-in-throttle.ts).
 * An unknown username, a wrong password and a held-back try all give the same "invalid", so
 * the answer tells a stranger neither which usernames exist nor whom he has slowed.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/roles";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { reserveTry } from "@/lib/auth/sign-in-throttle";

export type AuthenticationResult =
  | { ok: true; user: { id: string; username: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" };

export interface Credentials {
  username: string;
  password: string;
  ip?: string | null;
  /** From a valid known-device cookie for this username (lib/auth/known-device.ts). */
  deviceId?: string | null;
}

/**
 * What the sign-in form says for an unknown username, a wrong password and a held-back try
 * alike. Only the right password of a disabled account gets its own answer.
 */
export const signInRefusedMessage =
  "Wrong username or password, or too many tries. Check both and try again in a few minutes; an admin can let you in sooner.";

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function authenticate(
  prisma: PrismaClient,
  { username: typed, password, ip, deviceId }: Credentials,
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const username = normaliseUsername(typed).slice(0, 64);
  const reservation = await reserveTry(prisma, { username, ip, deviceId }, now);
  const user = await prisma.user.findUnique({ where: { username } });
  const audit = (action: string, details: Record<string, string> = {}) =>
    recordAudit(prisma, { actorId: user?.id, actorLabel: username, action, targetType: "user", targetId: user?.id, details, ip });

  if (reservation.heldBack) {
    await audit("auth.sign_in_refused", { reason: "held_back" });
    return { ok: false, reason: "invalid" };
  }
  if (!user) {
    await verifyAgainstDummy(password);
    await audit("auth.sign_in_failed", { reason: "unknown_user" });
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await audit("auth.sign_in_failed", { reason: "wrong_password" });
    return { ok: false, reason: "invalid" };
  }
  await reservation.succeeded();
  if (!user.active) {
    await audit("auth.sign_in_refused", { reason: "disabled" });
    return { ok: false, reason: "disabled" };
  }
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await audit("auth.signed_in");
  return { ok: true, user: { id: user.id, username: user.username, name: user.name, role: user.role } };
}
