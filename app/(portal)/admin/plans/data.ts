import "server-only";
import { db } from "@/lib/db/client";
import { formatIst } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { showMoment } from "@/lib/i18n/show-moment";
import { listPlans } from "@/lib/money/plans";

/** The commission plans as of `now`: the one in force, the upcoming and the earlier ones (admin only: the page checks the role). */
export async function plansData(now: Date) {
  return listPlans(db(), now);
}

/**
 * When a plan starts or ends, as the page and the saved message say it: English as it always
 * read ("1 Apr 2024, 00:00 IST", the day without a leading zero), other languages with the month
 * in their own words.
 */
export function planMoment(at: Date, locale: Locale): string {
  return locale === "en" ? formatIst(at, "d MMM yyyy, HH:mm") : showMoment(at, locale);
}
