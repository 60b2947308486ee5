/**
 * Slows password guessing without letting a stranger lock anyone out. Every try reserves a
 * row in sign_in_failures before the password is checked (so concurrent tries on several app
 * instances all count), and a success deletes its row. A try is held back when, in the last
 * 15 minutes, its username (or, with a known-device cookie, that device) or its address has
 * failed too often: after the free tries, each further try waits twice as long as the one
 * before, up to 15 minutes. Unknown usernames count exactly like real ones, so being held back
 * says nothing about whether a user exists.
 */
import "server-only";
import { addSeconds, subHours, subMinutes } from "date-fns";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const signInLimits = {
  windowMinutes: 15,
  /** Failures of one username (or one known device) before backoff begins. */
  freePerUsername: 5,
  /** Failures from one address before backoff begins: a counter's shop shares one address. */
  freePerAddress: 30,
  firstWaitSeconds: 30,
  longestWaitSeconds: 15 * 60,
  /** How long failures are kept for the admins' view. */
  keptHours: 24,
} as const;

export interface Attempt {
  username: string;
  ip?: string | null;
  /** The known-device cookie's id, when the browser showed a valid one for this username. */
  deviceId?: string | null;
}

/** When the next try may be made after `failures` failures, the last at `lastAt`. */
export function nextTryAt(failures: number, lastAt: Date, free: number): Date | null {
  if (failures < free) return null;
  const doublings = Math.min(failures - free, 20);
  const wait = Math.min(signInLimits.firstWaitSeconds * 2 ** doublings, signInLimits.longestWaitSeconds);
  return addSeconds(lastAt, wait);
}

type Scope = { username: string; deviceId: null } | { deviceId: string } | { ip: string };

/**
 * A known device counts on its own and only on its own: the address limit is there to slow
 * spraying many usernames, and a device cookie is good for one username only.
 */
function scopesOf(attempt: Attempt): { scope: Scope; free: number }[] {
  if (attempt.deviceId) return [{ scope: { deviceId: attempt.deviceId }, free: signInLimits.freePerUsername }];
  const scopes: { scope: Scope; free: number }[] = [{ scope: { username: attempt.username, deviceId: null }, free: signInLimits.freePerUsername }];
  if (attempt.ip) scopes.push({ scope: { ip: attempt.ip }, free: signInLimits.freePerAddress });
  return scopes;
}

/** The moment the attempt's scopes let it try again, or null if it may try now. */
async function heldBackUntil(prisma: PrismaClient, attempt: Attempt, now: Date, exceptId?: bigint): Promise<Date | null> {
  const since = subMinutes(now, signInLimits.windowMinutes);
  let until: Date | null = null;
  for (const { scope, free } of scopesOf(attempt)) {
    const where = { ...scope, at: { gt: since }, ...(exceptId === undefined ? {} : { id: { lt: exceptId } }) };
    const { _count, _max } = await prisma.signInFailure.aggregate({ where, _count: true, _max: { at: true } });
    const next = _max.at ? nextTryAt(_count, _max.at, free) : null;
    if (next && next > now && (!until || next > until)) until = next;
  }
  return until;
}

export type Reservation =
  | { heldBack: true }
  | {
      heldBack: false;
      /** The sign-in is complete: the user's failures are forgotten. */
      succeeded: () => Promise<void>;
      /** This try was no guess (a right code typed twice): it stops counting, the others stay. */
      release: () => Promise<void>;
    };

/**
 * Reserves the try: held back, or counted as a failure until `succeeded` deletes it. The row
 * goes in first and only the rows before it are counted, so of two concurrent tries the
 * second sees the first.
 */
export async function reserveTry(prisma: PrismaClient, attempt: Attempt, now: Date = new Date()): Promise<Reservation> {
  if (await heldBackUntil(prisma, attempt, now)) return { heldBack: true };
  const row = await prisma.signInFailure.create({
    data: { at: now, username: attempt.username, ip: attempt.ip ?? null, deviceId: attempt.deviceId ?? null },
    select: { id: true },
  });
  if (await heldBackUntil(prisma, attempt, now, row.id)) {
    await prisma.signInFailure.delete({ where: { id: row.id } });
    return { heldBack: true };
  }
  return {
    heldBack: false,
    succeeded: () => forgetFailures(prisma, attempt),
    release: async () => {
      await prisma.signInFailure.deleteMany({ where: { id: row.id } });
    },
  };
}

/**
 * After a complete sign-in the user's own tries start afresh (the password's reserved row and
 * any wrong codes with them); the address keeps its count.
 */
export async function forgetFailures(prisma: Pick<PrismaClient, "signInFailure">, attempt: Attempt): Promise<void> {
  await prisma.signInFailure.deleteMany({ where: attempt.deviceId ? { deviceId: attempt.deviceId } : { username: attempt.username } });
}

/** An admin lets a username in now: its failures (not its devices' or addresses') are gone. */
export async function clearFailures(prisma: Pick<PrismaClient, "signInFailure">, username: string): Promise<number> {
  const { count } = await prisma.signInFailure.deleteMany({ where: { username, deviceId: null } });
  return count;
}

export interface FailureSummary {
  username: string;
  ip: string | null;
  failures: number;
  lastAt: Date;
  /** Set while this username's own tries are held back. */
  heldBackUntil: Date | null;
}

/** The last day's failures by username and address, newest first, for the admins. Also prunes older rows. */
export async function recentFailures(prisma: PrismaClient, now: Date = new Date(), limit = 50): Promise<FailureSummary[]> {
  await prisma.signInFailure.deleteMany({ where: { at: { lt: subHours(now, signInLimits.keptHours) } } });
  const groups = await prisma.signInFailure.groupBy({
    by: ["username", "ip"],
    _count: true,
    _max: { at: true },
    orderBy: { _max: { at: "desc" } },
    take: limit,
  });
  const held = await heldBackUsernames(prisma, [...new Set(groups.map((g) => g.username))], now);
  return groups.map((g) => ({
    username: g.username,
    ip: g.ip,
    failures: g._count,
    lastAt: g._max.at!,
    heldBackUntil: held.get(g.username) ?? null,
  }));
}

/** For each username that is held back now, until when (its own tries, not a device's). */
export async function heldBackUsernames(prisma: PrismaClient, usernames: string[], now: Date = new Date()): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const groups = await prisma.signInFailure.groupBy({
    by: ["username"],
    where: { username: { in: usernames }, deviceId: null, at: { gt: subMinutes(now, signInLimits.windowMinutes) } },
    _count: true,
    _max: { at: true },
  });
  const held = new Map<string, Date>();
  for (const g of groups) {
    const next = nextTryAt(g._count, g._max.at!, signInLimits.freePerUsername);
    if (next && next > now) held.set(g.username, next);
  }
  return held;
}
