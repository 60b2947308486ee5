/**
 * next-intl/server in unit tests (vitest.config.ts aliases it here). There is no request to read
 * a language from, so code under test speaks English, as a request with no language chosen
 * would, unless it names a language itself (`getTranslations({ locale })`, as the receipt does).
 */
import { createTranslator } from "next-intl";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

export async function getTranslations(options?: { locale?: Locale }) {
  const locale = options?.locale ?? defaultLocale;
  return createTranslator({ locale, messages: messagesOf(locale) });
}

export async function getLocale(): Promise<Locale> {
  return defaultLocale;
}
