/**
 * How fast the supervisor's and admin's screens read the ledger: the same functions the pages
 * call, on the benchmark's database, each measured on its own, one call after another.
 */
import { addDays } from "date-fns";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconciliationSums } from "@/lib/reconciliation/view";
import { quarterOf } from "@/lib/tds/quarter";
import { quarterSummary } from "@/lib/tds/statement";
import { trialBalance } from "@/lib/wallet/trial-balance";
import { dayTotals } from "@/lib/review/day-view";
import { parseFilters, type ReviewFilters } from "@/lib/review/filters";
import { dayRange, indiaDay as istDay } from "@/lib/days";
import type { ReviewScope } from "@/lib/review/scope";
import { listTransfers, stuckQueue } from "@/lib/review/transfers";
import { measure, type Summary } from "@/lib/tools/bench/stats";

export interface QueryResult {
  name: string;
  /** What the query covers, for the table. */
  scope: string;
  summary: Summary;
}

export interface ReportTargets {
  /** The first outlet, as its supervisor sees it. */
  outletId: string;
  agentId: string;
  /** Samples that exist in the ledger, so the look-ups find something. */
  mobile: string;
  reference: string;
  utr: string;
}

function filters(day: string, extra: Partial<ReviewFilters> = {}, to = day): ReviewFilters {
  return { from: day, to, sort: "newest", page: 1, ...extra };
}

/**
 * The filters of page `n`, reached as a person reaches it: following "Next" from the first page
 * (or the last page, on a ledger too small to have `n`).
 */
async function pageOf(prisma: PrismaClient, scope: ReviewScope, first: ReviewFilters, n: number): Promise<ReviewFilters> {
  let filters = first;
  for (let page = 1; page < n; page++) {
    const { next } = await listTransfers(prisma, scope, filters);
    if (!next) break;
    filters = parseFilters(Object.fromEntries(new URLSearchParams(next))).filters;
  }
  return filters;
}

export async function measureReportQueries(prisma: PrismaClient, now: Date, days: number, t: ReportTargets, runs: number): Promise<QueryResult[]> {
  // The last full day: "today" may have only begun when the benchmark runs.
  const day = istDay(addDays(now, -1));
  const weekFrom = istDay(addDays(now, -7));
  const monthFrom = istDay(addDays(now, -(days - 1)));
  const supervisor: ReviewScope = { all: false, outletIds: [t.outletId] };
  const admin: ReviewScope = { all: true };
  const dayView = (scope: ReviewScope) => () => Promise.all([dayTotals(prisma, scope, dayRange(day, day)), listTransfers(prisma, scope, filters(day))]);
  const table = (scope: ReviewScope, f: ReviewFilters) => () => listTransfers(prisma, scope, f);

  const cases: { name: string; scope: string; fn: () => Promise<unknown> }[] = [
    { name: "Day view: totals and first page", scope: "supervisor, 1 outlet, 1 day", fn: dayView(supervisor) },
    { name: "Day view: totals and first page", scope: "admin, all outlets, 1 day", fn: dayView(admin) },
    { name: "Table: failed, 7 days", scope: "supervisor, 1 outlet", fn: table(supervisor, filters(weekFrom, { state: "FAILED" }, day)) },
    { name: "Table: amount Rs 4,000-5,000, sorted by amount, 7 days", scope: "supervisor, 1 outlet", fn: table(supervisor, filters(weekFrom, { min: 4000, max: 5000, sort: "amount_desc" }, day)) },
    { name: "Table: one agent, 7 days", scope: "supervisor, 1 outlet", fn: table(supervisor, filters(weekFrom, { agent: t.agentId }, day)) },
    { name: "Table: customer's mobile, 30 days", scope: "admin, all outlets", fn: table(admin, filters(monthFrom, { mobile: t.mobile }, istDay(now))) },
    { name: "Table: reference, 30 days", scope: "admin, all outlets", fn: table(admin, filters(monthFrom, { reference: t.reference }, istDay(now))) },
    { name: "Table: UTR, 30 days", scope: "admin, all outlets", fn: table(admin, filters(monthFrom, { utr: t.utr }, istDay(now))) },
    { name: "Table: page 20, 1 day", scope: "admin, all outlets", fn: table(admin, await pageOf(prisma, admin, filters(day), 20)) },
    { name: "Stuck queue", scope: "supervisor, 1 outlet", fn: () => stuckQueue(prisma, supervisor, now) },
    { name: "Stuck queue", scope: "admin, all outlets", fn: () => stuckQueue(prisma, admin, now) },
    { name: `Reconciliation totals, ${days} days`, scope: "admin, all outlets", fn: () => reconciliationSums(prisma, { from: monthFrom, to: istDay(now) }) },
    { name: "TDS statement summary, this quarter", scope: "admin, all agents", fn: () => quarterSummary(prisma, quarterOf(now)) },
    { name: "Wallet trial balance, 1 day", scope: "admin, whole book", fn: () => trialBalance(prisma, day) },
  ];
  const results: QueryResult[] = [];
  for (const c of cases) {
    // The trial balance still reads the whole book: fewer runs keep the benchmark inside its time.
    const slow = c.name.startsWith("Wallet trial balance");
    results.push({ name: c.name, scope: c.scope, summary: await measure(c.fn, slow ? Math.max(3, Math.ceil(runs / 10)) : runs, slow ? 1 : 3) });
  }
  return results;
}
