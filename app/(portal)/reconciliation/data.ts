import "server-only";
import { db } from "@/lib/db/client";
import { daySummary, lockedDays } from "@/lib/reconciliation/day-lock";
import { monthOf, parseReconciliationFilters } from "@/lib/reconciliation/period";
import { statementsForPeriod } from "@/lib/reconciliation/statement-report";
import { reconciliationView } from "@/lib/reconciliation/view";
import { indiaDay } from "@/lib/days";

/**
 * The admin's reconciliation of a day or a month, every outlet's (the page checks the role):
 * expected beside reported, the filters' outlets and agents, the month's locks, the statements
 * with rows in the period, and the summary a lock would keep when the day can be locked.
 */
export async function reconciliationData(searchParams: Record<string, string | string[] | undefined>) {
  const { filters, problems } = parseReconciliationFilters(searchParams);
  const today = indiaDay();
  const month = monthOf(filters.day);
  const [view, outlets, agents, locks, statements] = await Promise.all([
    reconciliationView(db(), filters),
    db().outlet.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().user.findMany({
      where: { role: "AGENT", ...(filters.outlet ? { outletId: filters.outlet } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true, outlet: { select: { name: true } } },
    }),
    lockedDays(db(), month.from, month.to),
    statementsForPeriod(db(), filters.from, filters.to),
  ]);
  const isDay = filters.span === "day";
  const lock = isDay ? locks.find((l) => l.day === filters.day) : undefined;
  const lockable = isDay && !lock && filters.day < today;
  const summary = lockable ? await daySummary(db(), filters.day) : null;
  return { filters, problems, today, isDay, view, outlets, agents, locks, lock, summary, statements };
}
