/**
 * The one gate every page, server action and route handler passes: `requireUser(...roles)`.
 * A page's check never stands in for its actions' checks; each checks itself.
 */
import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { recordAudit } from "@/lib/audit";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { sessionExpired } from "@/lib/auth/session-policy";
import { config, resolveAuthSecret } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/roles";
import { clientIp } from "@/lib/server/client-ip";

export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  outletId: string | null;
  outletName: string | null;
  /** The language they chose (lib/i18n/locales.ts), or null: the browser's decides. */
  language: string | null;
}

/**
 * The signed-in, active user, read from the database once per request; null otherwise,
 * including for a session that signing out has revoked or that is over (8 hours after sign-in).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const settings = config();
  const session = await readSessionCookie(await cookies(), settings.authSecret ?? resolveAuthSecret(settings));
  if (!session || sessionExpired(session.signedInAt)) return null;
  const id = session.userId;
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      sessionsRevokedAt: true,
      language: true,
      outlet: { select: { id: true, name: true } },
    },
  });
  if (!user?.active) return null;
  if (user.sessionsRevokedAt && session.signedInAt <= user.sessionsRevokedAt.getTime()) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    outletId: user.outlet?.id ?? null,
    outletName: user.outlet?.name ?? null,
    language: user.language,
  };
});

/**
 * Returns the current user if they hold one of `allowed` (any role when none is given).
 * Otherwise it interrupts the request: 401 when nobody is signed in, 403 for a wrong role,
 * and the refusal is written to the audit trail.
 */
export async function requireUser(...allowed: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) unauthorized();
  if (allowed.length > 0 && !allowed.includes(user.role)) {
    const h = await headers();
    await recordAudit(db(), {
      actorId: user.id,
      actorLabel: user.username,
      action: "access.denied",
      details: { role: user.role, needed: allowed.join(","), path: h.get("next-url") ?? h.get("referer") ?? "" },
      ip: clientIp(h),
    });
    forbidden();
  }
  return user;
}
