// next-intl's types for this portal: a message key that en.json lacks, or a locale it does not
// have, is a type error wherever t() or a locale is used.
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
