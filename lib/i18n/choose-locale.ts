/**
 * Which language a request is answered in: the signed-in user's own choice (kept in the
 * database, so it follows them to any counter), else the language chosen in this browser before
 * signing in (a cookie), else the browser's own languages, else English.
 */
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "@/lib/i18n/locales";

export interface LocaleSources {
  /** users.language of the signed-in user; null when they have not chosen. */
  userLanguage?: string | null;
  /** The language cookie's value, if any. */
  cookie?: string | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
}

export function chooseLocale({ userLanguage, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(userLanguage)) return userLanguage;
  if (isLocale(cookie)) return cookie;
  return browserLocale(acceptLanguage);
}

/** The best of the portal's languages for an Accept-Language header ("hi-IN,hi;q=0.9,en;q=0.8" is Hindi). */
export function browserLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const asked = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages().filter((tag) => tag !== "*");
  try {
    const found = match(asked, locales, defaultLocale);
    return isLocale(found) ? found : defaultLocale;
  } catch {
    // A malformed tag in the header: the default, as for no header at all.
    return defaultLocale;
  }
}
