/**
 * next-intl's configuration for each request (next.config.mjs points here): the language
 * chosen by lib/i18n/choose-locale.ts, its messages, and India's time zone for every date.
 */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { isLocale, languageCookieName } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";
import { indiaTimeZone } from "@/lib/format";

export default getRequestConfig(async ({ locale: asked }) => {
  // The user is read once per request anyway (getCurrentUser is cached): their language costs
  // nothing more. A database that cannot say leaves the browser's choice, so that the page that
  // explains the failure still renders.
  const user = await getCurrentUser().catch(() => null);
  // A language a caller names itself (the receipt printed in the customer's language) wins.
  const locale = isLocale(asked) ? asked : chooseLocale({
    userLanguage: user?.language,
    cookie: (await cookies()).get(languageCookieName)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
  return { locale, messages: messagesOf(locale), timeZone: indiaTimeZone };
});
