/** The message files as the Next.js build imports them: compiled by next-intl's loader (see message-files.ts). */
import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";

export { en, hi };
