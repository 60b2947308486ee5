/**
 * The admin's user management: list, create, edit, deactivate and reactivate, reset a
 * password or the second factor, let a held-back user in. Every change is audited inside the transaction that makes it, and no
 * change may leave the portal without an active admin: the active admins' rows are locked
 * (SELECT ... FOR UPDATE) before any change is decided, so two admins demoting each other at
 * the same moment cannot both succeed.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { clearSecondFactor } from "@/lib/auth/second-factor";
import { clearFailures, heldBackUsernames } from "@/lib/auth/sign-in-throttle";
import type { AuditAction } from "@/lib/audit-log/known-actions";
import { recordAudit } from "@/lib/audit";
import { changesBetween, isUniqueViolation, type Actor } from "@/lib/admin/common";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/roles";
import type { CreateUserValues, ResetPasswordValues, UpdateUserValues } from "@/lib/validations/admin";
import { said } from "@/lib/i18n/said";
import { Refusal } from "@/lib/refusal";

export type { Actor } from "@/lib/admin/common";

type Tx = Prisma.TransactionClient;

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  active: boolean;
  /** Set while the sign-in throttle holds this username's tries back. */
  heldBackUntil: Date | null;
  lastLoginAt: Date | null;
  /** When the user set up their authenticator app; null while they have none. */
  secondFactorSince: Date | null;
  /** Their unused recovery codes (none without the app). */
  recoveryCodesLeft: number;
  outletId: string | null;
  outletName: string | null;
  supervisedOutletIds: string[];
}

const userRowSelect = {
  id: true,
  username: true,
  name: true,
  role: true,
  active: true,
  lastLoginAt: true,
  totpEnrolledAt: true,
  _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
  outlet: { select: { id: true, name: true } },
  supervises: { select: { outletId: true }, orderBy: { outletId: "asc" } },
} as const satisfies Prisma.UserSelect;

function toRow(u: Prisma.UserGetPayload<{ select: typeof userRowSelect }>, heldBack: Map<string, Date>): UserRow {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    active: u.active,
    heldBackUntil: heldBack.get(u.username) ?? null,
    lastLoginAt: u.lastLoginAt,
    secondFactorSince: u.totpEnrolledAt,
    recoveryCodesLeft: u._count.recoveryCodes,
    outletId: u.outlet?.id ?? null,
    outletName: u.outlet?.name ?? null,
    supervisedOutletIds: u.supervises.map((s) => s.outletId),
  };
}

export async function listUsers(prisma: PrismaClient): Promise<UserRow[]> {
  const users = await prisma.user.findMany({ orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }], select: userRowSelect });
  const heldBack = await heldBackUsernames(prisma, users.map((u) => u.username));
  return users.map((u) => toRow(u, heldBack));
}

export async function userForEdit(prisma: PrismaClient, id: string): Promise<UserRow | null> {
  const user = await prisma.user.findUnique({ where: { id }, select: userRowSelect });
  return user ? toRow(user, await heldBackUsernames(prisma, [user.username])) : null;
}

// No 0/O, 1/l/I: the admin may read it out to the user.
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 random characters (about 93 bits) in four groups, easy to read out and type. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => passwordAlphabet[randomInt(passwordAlphabet.length)]).join(""));
  return groups.join("-");
}

async function chosenPassword(input: { passwordMode: "generate" | "set"; password: string }) {
  const generated = input.passwordMode === "generate" ? generatePassword() : null;
  // Hashed before the transaction opens, so no lock waits for argon2.
  const passwordHash = await hashPassword(generated ?? input.password);
  return { generated, passwordHash };
}

/**
 * Locks the active admins' rows, then the target's, in that order (admins by id), so
 * concurrent changes queue instead of deadlocking. Returns the ids of the active admins as
 * committed once the locks are held.
 */
async function lockForChange(tx: Tx, userId: string): Promise<string[]> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM users WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  return admins.map((a) => a.id);
}

/** Refuses a change that would leave no active admin. */
function keepAnAdmin(activeAdmins: string[], user: { id: string; role: Role; active: boolean }, next: { role: Role; active: boolean }, field?: string) {
  const removesAnAdmin = user.role === "ADMIN" && user.active && (next.role !== "ADMIN" || !next.active);
  if (removesAnAdmin && activeAdmins.every((id) => id === user.id)) throw new Refusal(said("admin.users.server.lastAdmin"), field, said("admin.users.server.lastAdminShort"));
}

async function checkOutlet(tx: Tx, outletId: string | null, currentOutletId: string | null) {
  if (!outletId) return;
  const outlet = await tx.outlet.findUnique({ where: { id: outletId }, select: { active: true } });
  if (!outlet) throw new Refusal(said("admin.common.outletGone"), "outletId");
  if (!outlet.active && outletId !== currentOutletId) throw new Refusal(said("admin.users.server.outletInactive"), "outletId");
}

/** A supervisor's extra outlets: never their own, only outlets that exist. Others have none. */
async function supervisedFor(tx: Tx, role: Role, outletId: string | null, ids: string[]): Promise<string[]> {
  if (role !== "SUPERVISOR") return [];
  const wanted = [...new Set(ids)].filter((id) => id !== outletId).sort();
  if (wanted.length === 0) return [];
  const found = await tx.outlet.count({ where: { id: { in: wanted } } });
  if (found !== wanted.length) throw new Refusal(said("admin.users.server.supervisedGone"), "supervisedOutletIds");
  return wanted;
}

async function replaceSupervised(tx: Tx, userId: string, outletIds: string[]) {
  await tx.supervisedOutlet.deleteMany({ where: { supervisorId: userId, outletId: { notIn: outletIds } } });
  if (outletIds.length) await tx.supervisedOutlet.createMany({ data: outletIds.map((outletId) => ({ supervisorId: userId, outletId })), skipDuplicates: true });
}

function audit(tx: Tx, actor: Actor, action: AuditAction, userId: string, details: Prisma.InputJsonObject) {
  return recordAudit(tx, { actorId: actor.id, actorLabel: actor.username, action, targetType: "user", targetId: userId, details, ip: actor.ip });
}

export interface CreatedUser {
  id: string;
  username: string;
  /** The generated password, to show once; null when the admin typed one. */
  generatedPassword: string | null;
}

export async function createUser(prisma: PrismaClient, actor: Actor, input: CreateUserValues): Promise<CreatedUser> {
  const outletId = input.outletId || null;
  const taken = await prisma.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (taken) throw new Refusal(said("admin.users.server.usernameTaken"), "username");
  const { generated, passwordHash } = await chosenPassword(input);
  try {
    return await prisma.$transaction(async (tx) => {
      await checkOutlet(tx, outletId, null);
      const supervised = await supervisedFor(tx, input.role, outletId, input.supervisedOutletIds);
      const user = await tx.user.create({
        data: { username: input.username, name: input.name, role: input.role, outletId, passwordHash },
        select: { id: true, username: true },
      });
      await replaceSupervised(tx, user.id, supervised);
      await audit(tx, actor, "user.created", user.id, {
        username: user.username,
        name: input.name,
        role: input.role,
        outletId,
        supervisedOutletIds: supervised,
        password: generated ? "generated" : "set by admin",
      });
      return { ...user, generatedPassword: generated };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal(said("admin.users.server.usernameTaken"), "username");
    throw error;
  }
}

/** Name, role, outlet and a supervisor's extra outlets. Returns the fields that changed. */
export async function updateUser(prisma: PrismaClient, actor: Actor, input: UpdateUserValues): Promise<string[]> {
  const outletId = input.outletId || null;
  return prisma.$transaction(async (tx) => {
    const activeAdmins = await lockForChange(tx, input.userId);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { ...userRowSelect, outletId: true } });
    if (!user) throw new Refusal(said("admin.users.server.userGone"));
    keepAnAdmin(activeAdmins, user, { role: input.role, active: user.active }, "role");
    await checkOutlet(tx, outletId, user.outletId);
    const supervised = await supervisedFor(tx, input.role, outletId, input.supervisedOutletIds);
    const before = { name: user.name, role: user.role, outletId: user.outletId, supervisedOutletIds: user.supervises.map((s) => s.outletId) };
    const after = { name: input.name, role: input.role, outletId, supervisedOutletIds: supervised };
    const changes = changesBetween(before, after);
    if (Object.keys(changes).length === 0) return [];
    await tx.user.update({ where: { id: user.id }, data: { name: input.name, role: input.role, outletId } });
    await replaceSupervised(tx, user.id, supervised);
    await audit(tx, actor, "user.updated", user.id, { username: user.username, changes });
    return Object.keys(changes);
  });
}

/**
 * Deactivating signs the user out everywhere at once: sessions signed in until now are
 * revoked, so the next request of an open session is refused. Reactivating does not bring
 * old sessions back.
 */
export async function setUserActive(prisma: PrismaClient, actor: Actor, userId: string, active: boolean, now: Date = new Date()): Promise<{ username: string; changed: boolean }> {
  return prisma.$transaction(async (tx) => {
    const activeAdmins = await lockForChange(tx, userId);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, role: true, active: true } });
    if (!user) throw new Refusal(said("admin.users.server.userGone"));
    if (user.active === active) return { username: user.username, changed: false };
    keepAnAdmin(activeAdmins, user, { role: user.role, active });
    await tx.user.update({ where: { id: user.id }, data: active ? { active } : { active, sessionsRevokedAt: now } });
    await audit(tx, actor, active ? "user.reactivated" : "user.deactivated", user.id, { username: user.username, role: user.role });
    return { username: user.username, changed: true };
  });
}

/**
 * A new password, typed by the admin or generated (then shown once). Clears the username's
 * failed sign-ins, and revokes every session signed in until now.
 */
export async function resetPassword(prisma: PrismaClient, actor: Actor, input: ResetPasswordValues, now: Date = new Date()): Promise<{ username: string; generatedPassword: string | null }> {
  const { generated, passwordHash } = await chosenPassword(input);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, username: true } });
    if (!user) throw new Refusal(said("admin.users.server.userGone"));
    if (input.passwordMode === "set" && input.password.toLowerCase().includes(user.username)) {
      throw new Refusal(said("validation.admin.passwordHoldsUsername"), "password");
    }
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionsRevokedAt: now },
    });
    await clearFailures(tx, user.username);
    await audit(tx, actor, "user.password_reset", user.id, { username: user.username, password: generated ? "generated" : "set by admin" });
    return { username: user.username, generatedPassword: generated };
  });
}

/**
 * Forgets the user's authenticator app and recovery codes (a lost or changed phone), audited,
 * and signs them out everywhere: whoever holds the old phone's sessions loses them too. Their
 * next sign-in sets a new app up (admins and supervisors must; agents as AGENT_TOTP says).
 */
export async function resetSecondFactor(prisma: PrismaClient, actor: Actor, userId: string, now: Date = new Date()): Promise<{ username: string; hadOne: boolean }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, totpEnrolledAt: true } });
    if (!user) throw new Refusal(said("admin.users.server.userNotFound"));
    await clearSecondFactor(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { sessionsRevokedAt: now } });
    await audit(tx, actor, "user.second_factor_reset", user.id, { username: user.username, hadOne: user.totpEnrolledAt ? "yes" : "no" });
    return { username: user.username, hadOne: user.totpEnrolledAt !== null };
  });
}

/** Lets a held-back user try again now: the username's failed sign-ins are cleared, audited. */
export async function letUserIn(prisma: PrismaClient, actor: Actor, userId: string): Promise<{ username: string }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
    if (!user) throw new Refusal(said("admin.users.server.userNotFound"));
    const cleared = await clearFailures(tx, user.username);
    await audit(tx, actor, "user.let_in", user.id, { username: user.username, failuresCleared: String(cleared) });
    return { username: user.username };
  });
}
