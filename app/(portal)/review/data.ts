import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { dayTotals } from "@/lib/review/day-view";
import { parseFilters } from "@/lib/review/filters";
import { dayRange } from "@/lib/days";
import type { Locale } from "@/lib/i18n/locales";
import { riskFlags, riskSettings } from "@/lib/review/risk";
import { reviewScope } from "@/lib/review/scope";
import { stuckQueue } from "@/lib/review/transfers";

/**
 * The review of a period (today by default): totals, stuck transfers and risk flags of the
 * outlets `user` reviews, the flags' sentences written for a reader of `locale`.
 */
export async function reviewDayData(user: CurrentUser, searchParams: Record<string, string | string[] | undefined>, locale: Locale) {
  const { filters, problems } = parseFilters(searchParams);
  const scope = await reviewScope(db(), user);
  const range = dayRange(filters.from, filters.to);
  const now = new Date();
  const [totals, stuck, flags] = await Promise.all([dayTotals(db(), scope, range), stuckQueue(db(), scope, now), riskFlags(db(), scope, range, riskSettings(), locale)]);
  return { filters, problems, allOutlets: scope.all, totals, stuck, flags, now };
}
