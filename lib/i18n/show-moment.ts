/**
 * A moment as a reader of each language reads it, in India time. Intl only, no date-fns: the
 * browser already has it, and lib/format.ts's formatIst (date-fns) would otherwise ride into
 * every page that formats money (the counter's first load). Browser-safe.
 */
import { indiaTimeZone } from "@/lib/format";
import { formattingTags, type Locale } from "@/lib/i18n/locales";

/**
 * How a moment is shown: day and time, the same to the second (the audit log, a refund's time),
 * the day alone, the time alone, day and time within this year, or its month.
 */
export type MomentStyle = "dateTime" | "dateTimeSeconds" | "date" | "time" | "shortDateTime" | "month";

/** English months as formatIst writes them (date-fns's "MMM"; Intl's en-IN would say "Sept"). */
const englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const englishMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const numericIst = new Intl.DateTimeFormat("en-IN", {
  timeZone: indiaTimeZone,
  day: "2-digit",
  month: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The moment's day, month, year, hour and minute on India's wall clock. */
function istParts(date: Date) {
  const parts = Object.fromEntries(numericIst.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: parts.day!, month: Number(parts.month), year: parts.year!, time: `${parts.hour}:${parts.minute}`, second: parts.second! };
}

/** English, as formatIst writes it: "02 Dec 2026, 14:05 IST". */
function inEnglish(date: Date, style: MomentStyle): string {
  const { day, month, year, time, second } = istParts(date);
  const month3 = englishMonths[month - 1]!;
  if (style === "date") return `${day} ${month3} ${year}`;
  if (style === "time") return `${time} IST`;
  if (style === "shortDateTime") return `${day} ${month3}, ${time} IST`;
  if (style === "month") return `${englishMonthNames[month - 1]} ${year}`;
  if (style === "dateTimeSeconds") return `${day} ${month3} ${year}, ${time}:${second} IST`;
  return `${day} ${month3} ${year}, ${time} IST`;
}

const dayParts: Record<MomentStyle, Intl.DateTimeFormatOptions | null> = {
  dateTime: { day: "numeric", month: "long", year: "numeric" },
  dateTimeSeconds: { day: "numeric", month: "long", year: "numeric" },
  date: { day: "numeric", month: "long", year: "numeric" },
  time: null,
  shortDateTime: { day: "numeric", month: "short" },
  month: { month: "long", year: "numeric" },
};
const clock: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/**
 * A moment in India time as a reader of `locale` reads it: English as formatIst writes it
 * ("02 Dec 2026, 14:05 IST"), another language with the month in its own words
 * ("2 दिसंबर 2026, 14:05 IST"). Digits stay Latin and the clock 24-hour in every language.
 */
export function showMoment(date: Date, locale: Locale, style: MomentStyle = "dateTime"): string {
  if (locale === "en") return inEnglish(date, style);
  const tag = formattingTags[locale];
  const day = dayParts[style] && new Intl.DateTimeFormat(tag, { ...dayParts[style], timeZone: indiaTimeZone }).format(date);
  const seconds = style === "dateTimeSeconds" ? { second: "2-digit" as const } : {};
  const time = style === "date" || style === "month" ? null : new Intl.DateTimeFormat(tag, { ...clock, ...seconds, timeZone: indiaTimeZone }).format(date);
  return [day, time && `${time} IST`].filter(Boolean).join(", ");
}
