/**
 * The message files as Node imports them (the CLI, the tests, Playwright's specs): JSON modules
 * need the import attribute there. The Next.js build takes message-files.next.ts instead
 * (next.config.mjs), where next-intl's loader compiles the files and an attribute would stop it.
 */
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import hi from "@/lib/i18n/messages/hi.json" with { type: "json" };

export { en, hi };
