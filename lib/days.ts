/**
 * India's calendar days: how the portal takes and shows them, and the instants they cover.
 *
 * Every screen writes and reads a day as DD/MM/YYYY, whatever the browser's language (Chromium's
 * own date picker follows the browser's, and showed a date of birth of 12 April 1985 as
 * "04/12/1985"). Inside the portal (links, queries, AOPay) a day is ISO yyyy-MM-dd.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, format, isMatch, isValid, parse, parseISO } from "date-fns";
import { indiaTimeZone, inIndia } from "@/lib/format";
import { keyWithValues } from "@/lib/i18n/issue-text";
import type { Locale } from "@/lib/i18n/locales";
import { showMoment } from "@/lib/i18n/show-moment";
import * as z from "@/lib/validations/zod";

/** What a day box shows when empty, and what its errors ask for. */
export const dayPlaceholder = "DD/MM/YYYY";

/**
 * A day as typed (2/12/2026, 02-12-2026, 02.12.2026) or as a link carries it (2026-12-02), as
 * yyyy-MM-dd; null for anything else, including a day the calendar does not have (31/02/2026).
 */
export function parseDay(text: string): string | null {
  const value = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseISO(value) : null;
  const typed = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(value) ? parse(value.replace(/[.-]/g, "/"), "d/M/yyyy", new Date(2000, 0, 1)) : null;
  const day = iso ?? typed;
  if (!day || !isValid(day)) return null;
  const result = format(day, "yyyy-MM-dd");
  // parseISO rolls 2026-02-31 over into March; the round trip catches it.
  return iso && result !== value ? null : result;
}

/** A yyyy-MM-dd day as the screens write it: DD/MM/YYYY. Anything else is shown as it is. */
export function showDay(day: string): string {
  return isMatch(day, "yyyy-MM-dd") ? format(parseISO(day), "dd/MM/yyyy") : day;
}

/** A yyyy-MM-dd day in words, for headings and sentences: "2 Dec 2026", "2 दिसंबर 2026". */
export function dayLabel(day: string, locale: Locale = "en"): string {
  return locale === "en" ? format(parseISO(day), "d MMM yyyy") : showMoment(indiaMidnight(day), locale, "date");
}

/**
 * A zod schema for a typed day: gives yyyy-MM-dd, or `message` for what cannot be read. zod/mini
 * (the forms' schemas are, lib/validations/zod.ts); full-zod schemas on the server hold it too.
 */
export function daySchema(message = keyWithValues("forms.dayFormat", { placeholder: dayPlaceholder })) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const day = parseDay(value);
      if (day === null) ctx.issues.push({ code: "custom", message, input: value });
      return day ?? value;
    }),
  );
}

/** The India calendar day an instant falls on (today, by default), as yyyy-MM-dd. */
export function indiaDay(at: Date = new Date()): string {
  return format(inIndia(at), "yyyy-MM-dd");
}

/** An India calendar day (yyyy-MM-dd) as the instant it starts: midnight IST. */
export function indiaMidnight(day: string): Date {
  // Components (not a string) so that midnight is India's, whatever the server's zone.
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, indiaTimeZone).getTime());
}

/** The instants a range of India's calendar days covers: [start, end). */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
  return { start: indiaMidnight(from), end: indiaMidnight(format(addDays(parseISO(to), 1), "yyyy-MM-dd")) };
}
