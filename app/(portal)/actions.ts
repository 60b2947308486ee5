"use server";

import { cookies } from "next/headers";
import { recordAudit } from "@/lib/audit";
import { config } from "@/lib/config";
import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { isLocale, languageCookie, languageCookieName } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
import { cookieBasics } from "@/lib/server/cookie-basics";

/**
 * Signs out everywhere: besides clearing this browser's cookie, every session of the user
 * signed in until now is revoked, so a copied cookie stops working too. Allowed with any
 * session, or none (then it only clears the cookie).
 */
export async function signOutAction(): Promise<void> {
  try {
    const user = await getCurrentUser();
    if (user) {
      await db().user.update({ where: { id: user.id }, data: { sessionsRevokedAt: new Date() } });
      await recordAudit(db(), { actorId: user.id, actorLabel: user.username, action: "auth.signed_out" });
    }
  } catch (error) {
    // The cookie is cleared below even when the database is unavailable.
    log.error({ err: error }, "sign-out could not revoke sessions");
  }
  await signOut({ redirectTo: "/sign-in" });
}

/**
 * The framework's floor, for the benchmark (FLOOR_PROBE=on): a server action that does nothing
 * but one PostgreSQL query, posted with a signed-in agent's cookies like the counter's actions.
 * What it answers per second is what any action costs before the portal's own work (its session
 * check included), so it deliberately checks nothing. Off (the default), it touches nothing and
 * answers false.
 */
export async function floorProbeAction(): Promise<boolean> {
  if (!config().floorProbe) return false;
  await db().$queryRawUnsafe("SELECT 1");
  return true;
}

/**
 * Switches the portal's language. Allowed with any session or none (the sign-in page has the
 * switch too): the browser keeps the choice in a cookie, and a signed-in user's own row keeps
 * it, so it follows them to another counter. Setting the cookie re-renders the page in it. A
 * value that is not one of the portal's languages changes nothing.
 */
export async function chooseLanguageAction(formData: FormData): Promise<void> {
  const language = formData.get("language");
  if (!isLocale(language)) return;
  (await cookies()).set(languageCookieName, language, languageCookie(await cookieBasics()));
  const user = await getCurrentUser();
  if (user && user.language !== language) await db().user.update({ where: { id: user.id }, data: { language } });
}
