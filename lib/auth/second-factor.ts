/**
 * The second factor: a TOTP authenticator app (lib/auth/totp.ts) and ten one-time recovery
 * codes. Admins and
 * supervisors always need it; agents as AGENT_TOTP says. A code is accepted once: the step of
 * the last accepted code is kept and only a later step passes, in one conditional UPDATE, so
 * two requests racing with the same code cannot both win.
 */
import "server-only";
import { createHash, randomInt } from "node:crypto";
import { z } from "zod";
import QRCode from "qrcode";
import { recordAudit } from "@/lib/audit";
import { seal, unseal, unsealJson } from "@/lib/auth/sealed";
import { matchingStep, totp } from "@/lib/auth/totp";
import type { PortalConfig } from "@/lib/config";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/roles";

export const recoveryCodeCount = 10;

/** Whether a user of `role` is asked for the second factor. */
export type SecondFactorNeed = "required" | "optional" | "off";

export function secondFactorNeed(role: Role, agentTotp: PortalConfig["agentTotp"]): SecondFactorNeed {
  return role === "AGENT" ? agentTotp : "required";
}

/** What sign-in asks of a user after the password: the code, setting the app up, or nothing. */
export function nextSignInStep(need: SecondFactorNeed, enrolled: boolean): "code" | "enrol" | "done" {
  if (need === "off") return "done";
  if (enrolled) return "code";
  return need === "required" ? "enrol" : "done";
}

/** The app's QR code, as inline SVG, and the key spelled out for typing it in instead. */
export async function enrolmentPicture(secretBase32: string, username: string): Promise<{ svg: string; key: string }> {
  const svg = await QRCode.toString(totp(secretBase32, username).toString(), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { svg, key: secretBase32.match(/.{1,4}/g)!.join(" ") };
}

const sixDigits = /^\d{6}$/;

/** Spaces and dashes people type between digit groups are not part of the code. */
function compact(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export type CodeCheck = { ok: true; method: "totp" | "recovery_code"; recoveryCodesLeft: number } | { ok: false; reason: "wrong" | "used" };

/**
 * Checks what the user typed at the second step: a 6-digit code from the app, or one of the
 * recovery codes. Either is accepted once.
 */
export async function checkSecondFactor(prisma: PrismaClient, userId: string, typed: string, now: Date = new Date()): Promise<CodeCheck> {
  const code = compact(typed);
  if (sixDigits.test(code)) {
    const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
    const secret = unseal("totp-secret", user?.totpSecret);
    const step = secret ? matchingStep(secret, code, now) : null;
    if (step === null) return { ok: false, reason: "wrong" };
    const { count } = await prisma.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    if (count === 0) return { ok: false, reason: "used" };
    return { ok: true, method: "totp", recoveryCodesLeft: await recoveryCodesLeft(prisma, userId) };
  }
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: now },
  });
  if (count === 0) return { ok: false, reason: "wrong" };
  return { ok: true, method: "recovery_code", recoveryCodesLeft: await recoveryCodesLeft(prisma, userId) };
}

/** Whether the user has an app set up, since when, and how many recovery codes are left. */
export async function secondFactorStatus(prisma: PrismaClient, userId: string): Promise<{ enrolledAt: Date | null; recoveryCodesLeft: number }> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpEnrolledAt: true } });
  return { enrolledAt: user?.totpEnrolledAt ?? null, recoveryCodesLeft: await recoveryCodesLeft(prisma, userId) };
}

export async function recoveryCodesLeft(prisma: Pick<PrismaClient, "recoveryCode">, userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}

// Crockford's base32: no I, L, O or U to misread on paper.
const recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Ten codes of 16 characters (80 random bits each, so a SHA-256 of one cannot be reversed by guessing). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 16 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

export function recoveryCodeHash(code: string): string {
  const normal = compact(code).toLowerCase().replace(/[il]/g, "1").replace(/o/g, "0");
  return createHash("sha256").update(`recovery-code:${normal}`).digest("hex");
}

type Writer = Prisma.TransactionClient;

/** Replaces a user's recovery codes with ten new ones, returned once in the clear. */
export async function replaceRecoveryCodes(tx: Writer, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })) });
  return codes;
}

export type Enrolment = { ok: true; recoveryCodes: string[] } | { ok: false };

/**
 * Sets the app up once its first code proves the user scanned `secretBase32`: the secret is
 * stored sealed, that code's step counts as used, and ten recovery codes replace any old ones.
 */
export async function enrolSecondFactor(
  prisma: PrismaClient,
  user: { id: string; username: string },
  secretBase32: string,
  typed: string,
  ip: string | null,
  now: Date = new Date(),
): Promise<Enrolment> {
  const code = compact(typed);
  const step = sixDigits.test(code) ? matchingStep(secretBase32, code, now) : null;
  if (step === null) return { ok: false };
  const recoveryCodes = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: seal("totp-secret", secretBase32), totpEnrolledAt: now, totpLastStep: step } });
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, actorLabel: user.username, action: "user.second_factor_enrolled", targetType: "user", targetId: user.id, ip });
    return codes;
  });
  return { ok: true, recoveryCodes };
}

/** Forgets a user's app and recovery codes (an admin's reset, audited by the caller). */
export async function clearSecondFactor(tx: Writer, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

const enrolmentMinutes = 10;
const enrolmentSchema = z.object({ userId: z.string(), secret: z.string(), expiresAt: z.number() });

/**
 * A signed-in user's own setup (the account page): the new secret travels in the form, sealed
 * to that user for ten minutes, so the page needs no server-side state.
 */
export function sealEnrolment(userId: string, secretBase32: string, now: Date = new Date()): string {
  return seal("totp-enrolment", JSON.stringify({ userId, secret: secretBase32, expiresAt: now.getTime() + enrolmentMinutes * 60_000 }));
}

/** The secret a sealed setup holds for `userId`, or null when it is another's, altered or stale. */
export function openEnrolment(sealed: string, userId: string, now: Date = new Date()): string | null {
  const enrolment = unsealJson("totp-enrolment", sealed, enrolmentSchema);
  return enrolment && enrolment.userId === userId && enrolment.expiresAt > now.getTime() ? enrolment.secret : null;
}

/** Ten new recovery codes in place of the old ones, once the user's current code proves it is them. */
export async function renewRecoveryCodes(
  prisma: PrismaClient,
  user: { id: string; username: string },
  typed: string,
  ip: string | null,
  now: Date = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "wrong" | "used" }> {
  const check = await checkSecondFactor(prisma, user.id, typed, now);
  if (!check.ok) return check;
  const recoveryCodes = await prisma.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, actorLabel: user.username, action: "user.recovery_codes_renewed", targetType: "user", targetId: user.id, ip });
    return codes;
  });
  return { ok: true, recoveryCodes };
}
