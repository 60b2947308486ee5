/**
 * The language switch: a button per language, each written in its own script, posting to
 * chooseLanguageAction. A plain form, so it works before the page's scripts have loaded and
 * adds nothing to them.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { chooseLanguageAction } from "@/app/(portal)/actions";
import { languageNames, locales } from "@/lib/i18n/locales";

export async function LanguageSwitch({ className = "" }: { className?: string }) {
  const [t, current] = [await getTranslations(), await getLocale()];
  return (
    <form action={chooseLanguageAction} className={`flex items-center gap-1 ${className}`} aria-label={t("language.label")}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="language"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          title={t("language.switchTo", { language: languageNames[locale] })}
          className={`inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold ${
            locale === current ? "bg-brand-50 text-brand-700" : "text-slate-700 underline decoration-slate-300 underline-offset-2 hover:bg-slate-100"
          }`}
        >
          {languageNames[locale]}
        </button>
      ))}
    </form>
  );
}
