/**
 * The portal's languages. A new one is a messages file (lib/i18n/messages/<code>.json, every key
 * of en.json translated) and a line here; nothing else changes. Browser-safe.
 */
export const locales = ["en", "hi"] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "en";

/** Each language as its own readers write its name: the switch shows these. */
export const languageNames: Record<Locale, string> = { en: "English", hi: "हिंदी" };

/**
 * The BCP 47 tag each language formats with: India's variant, so both group amounts as
 * 1,25,000.00 and write Latin digits (the team's choice: agents and customers read amounts off
 * bank SMSes and passbooks, which use them), and dates name the month in the language.
 */
export const formattingTags: Record<Locale, string> = { en: "en-IN", hi: "hi-IN" };

/** The cookie that keeps the chosen language before sign-in (and for a user who has chosen none). */
export const languageCookieName = "portal-language";

/** The language cookie's settings: the whole portal, kept 400 days (the most a browser keeps a cookie). */
export function languageCookie(basics: { httpOnly: boolean; sameSite: "lax"; secure: boolean }) {
  return { ...basics, path: "/", maxAge: 400 * 24 * 60 * 60 };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
