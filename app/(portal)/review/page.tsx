import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { HourlyChart } from "@/components/review/hourly-chart";
import { RangeForm } from "@/components/review/range-form";
import { reviewDayData } from "@/app/(portal)/review/data";
import { StuckQueue } from "@/components/review/stuck-queue";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst, rupees } from "@/lib/format";
import { filtersToSearch } from "@/lib/review/filters";
import { dayLabel, indiaDay } from "@/lib/days";
import { PartStateName } from "@/components/ui/state-badge";
import { age } from "@/lib/review/labels";

export const metadata: Metadata = { title: "Today's review" };

const kindLabels: Record<string, string> = {
  near_monthly_cap: "Near the monthly cap",
  shared_beneficiary: "One account, many customers",
  just_under_5000: "Amounts just under Rs 5,000",
  far_from_outlet: "Far from the shop",
  wrong_otps: "Repeated wrong OTPs",
};

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const { filters, problems, allOutlets, totals, stuck, flags, now } = await reviewDayData(user, await searchParams);
  const period = filters.from === filters.to ? dayLabel(filters.from) : `${dayLabel(filters.from)} to ${dayLabel(filters.to)}`;
  const listLink = (extra: Record<string, string> = {}) => `/review/transfers?${filtersToSearch({ from: filters.from, to: filters.to, ...extra })}`;

  return (
    <>
      <PageHeading title={filters.from === filters.to && filters.to === indiaDay() ? "Today's review" : "Review"} description={`${allOutlets ? "All outlets" : (user.outletName ?? "Your outlets")} · ${period} (IST)`} />
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <RangeForm from={filters.from} to={filters.to} action="/review" />
        <div className="flex gap-2">
          <Link href={listLink()} className={toolbarButtonClasses()}>
            All transfers
          </Link>
          <a href={`/api/review/export?${filtersToSearch({ from: filters.from, to: filters.to })}`} className={toolbarButtonClasses("secondary")}>
            Export CSV
          </a>
        </div>
      </div>
      {problems.length ? <p className="mb-4 text-sm text-red-700">Some filters were not understood and were left out: {problems.join(", ")}.</p> : null}

      <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {/* Counted in parts, as AOPay counts transactions: a transfer over Rs 5,000 has several. */}
        <Stat testId="stat-transactions" label="Parts" value={totals.parts.count.toLocaleString("en-IN")} note={`${totals.sent} sent to AOPay`} />
        <Stat testId="stat-succeeded" label="Sent successfully" value={rupees(totals.succeeded.amount)} note={`${totals.succeeded.count} ${totals.succeeded.count === 1 ? "part" : "parts"}`} />
        <Stat testId="stat-success-rate" label="Success rate" value={totals.successRate === null ? "–" : `${(totals.successRate * 100).toFixed(1)}%`} note="of parts sent" />
        <Stat testId="stat-charges" label="Customer charges" value={rupees(totals.charges)} note="GST included, successful only" />
        <Stat testId="stat-commission" label="Commission" value={rupees(totals.commission)} note="before TDS, successful only" />
      </section>
      {totals.conflicting > 0 ? (
        <p className="mt-3 rounded-lg border border-red-200 bg-red-50 px-4 py-2 font-medium text-red-900" data-testid="stat-conflicting">
          {totals.conflicting === 1 ? "1 transfer" : `${totals.conflicting.toLocaleString("en-IN")} transfers`} of this period got a conflicting reply from AOPay. Check each with AOPay and settle it
          under <a href="#stuck-heading" className="underline">Stuck transfers</a>.
        </p>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="hourly-heading" className="lg:col-span-2">
          <h2 id="hourly-heading" className="mb-2 text-lg font-semibold">
            Volume by hour
          </h2>
          <HourlyChart data={totals.hourly} />
        </Card>
        <Card aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading" className="mb-2 text-lg font-semibold">
            By status and mode
          </h2>
          <table className="w-full text-sm" data-testid="by-state">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1 font-medium">Status</th>
                <th className="py-1 text-right font-medium">Count</th>
                <th className="py-1 text-right font-medium">Amount</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(totals.byState).map(([state, v]) => (
                <tr key={state} className="border-t border-slate-100">
                  <td className="py-1.5">
                    <Link className="underline decoration-slate-300 underline-offset-2" href={listLink({ state })}>
                      <PartStateName state={state} />
                    </Link>
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{v.count}</td>
                  <td className="py-1.5 text-right tabular-nums">{rupees(v.amount)}</td>
                </tr>
              ))}
              {Object.entries(totals.byMode).map(([mode, v], i) => (
                <tr key={mode} className={i === 0 ? "border-t-2 border-slate-200" : "border-t border-slate-100"}>
                  <td className="py-1.5">{mode}</td>
                  <td className="py-1.5 text-right tabular-nums">{v.count}</td>
                  <td className="py-1.5 text-right tabular-nums">{rupees(v.amount)}</td>
                </tr>
              ))}
              {totals.parts.count === 0 ? (
                <tr>
                  <td colSpan={3} className="py-2 text-slate-600">
                    No transfers in this period.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </Card>
      </div>

      <Card aria-labelledby="stuck-heading" className="mt-6">
        <h2 id="stuck-heading" className="text-lg font-semibold">
          Stuck transfers
        </h2>
        <StuckQueue
          items={stuck.map((s) => ({
            partId: s.partId,
            transferId: s.transferId,
            reference: s.reference,
            state: s.state,
            amount: s.amount,
            remitterMobileMasked: s.remitterMobileMasked,
            agentName: s.agentName,
            age: age(s.since, now),
            since: formatIst(s.since),
            checks: s.checks,
            nextCheck: s.nextCheckAt ? formatIst(s.nextCheckAt, "HH:mm") : null,
            needsReview: s.needsReview,
            conflict: s.conflict,
          }))}
        />
      </Card>

      <Card aria-labelledby="flags-heading" className="mt-6">
        <h2 id="flags-heading" className="text-lg font-semibold">
          Risk flags
        </h2>
        {flags.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No risk flags in this period.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="risk-flags">
            {flags.map((flag, i) => (
              <li key={`${flag.kind}-${flag.subject}-${i}`} className="py-3">
                <p className="font-medium text-red-800">{kindLabels[flag.kind] ?? flag.kind}</p>
                <p className="text-sm">{flag.explanation}</p>
                <p className="mt-1 flex flex-wrap gap-2 text-sm">
                  {flag.transferIds.slice(0, 10).map((id, n) => (
                    <Link key={id} href={`/review/transfers/${id}`} className="underline decoration-slate-300 underline-offset-2">
                      Transfer {n + 1}
                    </Link>
                  ))}
                  {flag.transferIds.length > 10 ? <span className="text-slate-600">and {flag.transferIds.length - 10} more</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
