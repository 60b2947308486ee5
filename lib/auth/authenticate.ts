/**
 * Checks a username and password, and then the second factor, behind the sign-in throttle
 * (lib/auth/sign-in-throttle.ts). An unknown username, a wrong password and a held-back try
 * all give the same "invalid", so the answer tells a stranger neither which usernames exist
 * nor whom he has slowed. A right password of someone who needs the second factor signs
 * nobody in: its reserved try keeps counting as a failure until the code is right, so knowing
 * the password buys no fresh tries at the code.
 */
import "server-only";
import type { AuditAction } from "@/lib/audit-log/known-actions";
import { recordAudit } from "@/lib/audit";
import { config, type PortalConfig } from "@/lib/config";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/roles";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { checkSecondFactor, enrolSecondFactor, nextSignInStep, secondFactorNeed } from "@/lib/auth/second-factor";
import { forgetFailures, reserveTry, type Attempt } from "@/lib/auth/sign-in-throttle";

export interface SignedInUser {
  id: string;
  username: string;
  name: string;
  role: Role;
}

export type AuthenticationResult =
  /** "done": signed in. "code" / "enrol": the password was right; the second step follows. */
  | { ok: true; user: SignedInUser; next: "done" | "code" | "enrol" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" };

export interface Credentials {
  username: string;
  password: string;
  ip?: string | null;
  /** From a valid known-device cookie for this username (lib/auth/known-device.ts). */
  deviceId?: string | null;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function auditor(prisma: PrismaClient, username: string, userId: string | undefined, ip: string | null | undefined) {
  return (action: AuditAction, details: Record<string, string> = {}) =>
    recordAudit(prisma, { actorId: userId, actorLabel: username, action, targetType: "user", targetId: userId, details, ip });
}

export async function authenticate(
  prisma: PrismaClient,
  { username: typed, password, ip, deviceId }: Credentials,
  now: Date = new Date(),
  agentTotp: PortalConfig["agentTotp"] = config().agentTotp,
): Promise<AuthenticationResult> {
  const username = normaliseUsername(typed).slice(0, 64);
  const attempt = { username, ip, deviceId };
  const reservation = await reserveTry(prisma, attempt, now);
  const user = await prisma.user.findUnique({ where: { username } });
  const audit = auditor(prisma, username, user?.id, ip);

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
  if (!user.active) {
    await reservation.succeeded();
    await audit("auth.sign_in_refused", { reason: "disabled" });
    return { ok: false, reason: "disabled" };
  }
  const signedIn = { id: user.id, username: user.username, name: user.name, role: user.role };
  const next = nextSignInStep(secondFactorNeed(user.role, agentTotp), user.totpSecret !== null);
  if (next === "done") await completeSignIn(prisma, attempt, signedIn, now, { second_factor: "none" });
  return { ok: true, user: signedIn, next };
}

/** The user a half-finished sign-in names (lib/auth/sign-in-steps.ts's challenge). */
export interface SecondStep {
  userId: string;
  username: string;
  deviceId: string | null;
  ip: string | null;
}

export type SecondStepResult<T = object> =
  | ({ ok: true; user: SignedInUser } & T)
  /** "used": the app's code was right but has signed in already; "invalid": wrong or held back. */
  | { ok: false; reason: "invalid" | "used" };

/** The second step with an enrolled app: its current code, or one of the recovery codes. */
export async function confirmSecondFactor(
  prisma: PrismaClient,
  step: SecondStep,
  typed: string,
  now: Date = new Date(),
): Promise<SecondStepResult<{ recoveryCodesLeft: number; method: "totp" | "recovery_code" }>> {
  return secondStep<{ recoveryCodesLeft: number; method: "totp" | "recovery_code" }>(prisma, step, now, async (user) => {
    const check = await checkSecondFactor(prisma, user.id, typed, now);
    if (!check.ok) return { failure: check.reason };
    return { done: { recoveryCodesLeft: check.recoveryCodesLeft, method: check.method }, details: { second_factor: check.method } };
  });
}

/** The second step of a first sign-in: the new app's first code sets it up. */
export async function confirmEnrolment(
  prisma: PrismaClient,
  step: SecondStep,
  secret: string,
  typed: string,
  now: Date = new Date(),
): Promise<SecondStepResult<{ recoveryCodes: string[] }>> {
  return secondStep<{ recoveryCodes: string[] }>(prisma, step, now, async (user) => {
    const enrolment = await enrolSecondFactor(prisma, user, secret, typed, step.ip, now);
    if (!enrolment.ok) return { failure: "wrong" };
    return { done: { recoveryCodes: enrolment.recoveryCodes }, details: { second_factor: "enrolled" } };
  });
}

type StepOutcome<T> = { failure: "wrong" | "used" } | { done: T; details: Record<string, string> };

/** What both second steps share: the throttle, an account still active, the audit trail. */
async function secondStep<T extends object>(
  prisma: PrismaClient,
  step: SecondStep,
  now: Date,
  check: (user: SignedInUser) => Promise<StepOutcome<T>>,
): Promise<SecondStepResult<T>> {
  const attempt = { username: step.username, ip: step.ip, deviceId: step.deviceId };
  const audit = auditor(prisma, step.username, step.userId, step.ip);
  const reservation = await reserveTry(prisma, attempt, now);
  if (reservation.heldBack) {
    await audit("auth.sign_in_refused", { reason: "held_back", step: "second_factor" });
    return { ok: false, reason: "invalid" };
  }
  const found = await prisma.user.findUnique({ where: { id: step.userId }, select: { id: true, username: true, name: true, role: true, active: true } });
  if (!found?.active) {
    await audit("auth.sign_in_refused", { reason: "disabled", step: "second_factor" });
    return { ok: false, reason: "invalid" };
  }
  const user = { id: found.id, username: found.username, name: found.name, role: found.role };
  const outcome = await check(user);
  if ("failure" in outcome) {
    // A right code typed again (a second tab, a double press) is no guess at the code: only
    // wrong codes count towards holding the user back. The password's try still counts.
    if (outcome.failure === "used") await reservation.release();
    await audit("auth.sign_in_failed", { reason: outcome.failure === "used" ? "code_used" : "wrong_code" });
    return { ok: false, reason: outcome.failure === "used" ? "used" : "invalid" };
  }
  await completeSignIn(prisma, attempt, user, now, outcome.details);
  return { ok: true, user, ...outcome.done };
}

async function completeSignIn(prisma: PrismaClient, attempt: Attempt, user: SignedInUser, now: Date, details: Record<string, string>): Promise<void> {
  await forgetFailures(prisma, attempt);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit(prisma, { actorId: user.id, actorLabel: user.username, action: "auth.signed_in", targetType: "user", targetId: user.id, details, ip: attempt.ip });
}
