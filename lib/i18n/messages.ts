/** Every language's messages, one JSON file each; en.json is the source of the keys. */
import { en, hi } from "@/lib/i18n/message-files";
import type { Locale } from "@/lib/i18n/locales";

export type Messages = typeof en;

const all: Record<Locale, Messages> = { en, hi };

export function messagesOf(locale: Locale): Messages {
  return all[locale];
}
