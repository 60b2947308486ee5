/**
 * Words for the review screens, in the reader's language. A part state's label is
 * lib/part-state-labels.ts's. English is written as these screens always wrote it (date-fns
 * patterns); another language names days and months in its own words (showMoment, Intl), with
 * Latin digits and the 24-hour clock, as every screen of the portal does.
 */
import { formatDistanceStrict } from "date-fns";
import { hi } from "date-fns/locale/hi";
import { dayLabel } from "@/lib/days";
import { formatIst } from "@/lib/format";
import { formattingTags, type Locale } from "@/lib/i18n/locales";
import type { Say } from "@/lib/i18n/said";
import { showMoment } from "@/lib/i18n/show-moment";

const distanceLocales = { en: undefined, hi } satisfies Record<Locale, typeof hi | undefined>;

/** Devanagari digits as Latin ones: date-fns's Hindi writes its numbers in Devanagari. */
const latinDigits = (text: string) => text.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966));

/** How long ago `since` was: "3 hours", "3 घंटे". */
export function age(since: Date, now: Date, locale: Locale): string {
  return latinDigits(formatDistanceStrict(since, now, { locale: distanceLocales[locale] }));
}

/** A period of days in words: one day, or "2 Dec 2026 to 5 Dec 2026". */
export function periodWords(t: Say, from: string, to: string, locale: Locale): string {
  return from === to ? dayLabel(from, locale) : t("review.periodRange", { from: dayLabel(from, locale), to: dayLabel(to, locale) });
}

/**
 * A moment in a part's story: "02 Dec 14:05" in English (with seconds for its events); in another
 * language showMoment's words, the day in full where the seconds are kept.
 */
export function shortMoment(at: Date, locale: Locale, seconds = false): string {
  if (locale === "en") return formatIst(at, seconds ? "dd MMM HH:mm:ss" : "dd MMM HH:mm");
  return showMoment(at, locale, seconds ? "dateTimeSeconds" : "shortDateTime");
}

/** Items in a sentence: "a, b and c", "a, b और c". */
export function listWords(items: string[], locale: Locale): string {
  if (locale === "en") return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
  return new Intl.ListFormat(formattingTags[locale], { type: "conjunction" }).format(items);
}

