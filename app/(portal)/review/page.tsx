import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/page-heading";
import { HourlyChart } from "@/components/review/hourly-chart";
import { RangeForm } from "@/components/review/range-form";
import { reviewDayData } from "@/app/(portal)/review/data";
import { StuckQueue } from "@/components/review/stuck-queue";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { filtersToSearch } from "@/lib/review/filters";
import { indiaDay } from "@/lib/days";
import { PartStateName } from "@/components/ui/state-badge";
import { sentenceText } from "@/lib/i18n/said";
import { age, periodWords } from "@/lib/review/labels";
import { riskKindLabelKeys } from "@/lib/review/risk";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.todaysReview") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const [t, locale] = [await getTranslations(), await getLocale()];
  const { filters, problems, allOutlets, totals, stuck, flags, now } = await reviewDayData(user, await searchParams, locale);
  const period = periodWords(t, filters.from, filters.to, locale);
  const listLink = (extra: Record<string, string> = {}) => `/review/transfers?${filtersToSearch({ from: filters.from, to: filters.to, ...extra })}`;
  const outlets = allOutlets ? t("review.day.allOutlets") : (user.outletName ?? t("review.day.yourOutlets"));

  return (
    <>
      <PageHeading title={filters.from === filters.to && filters.to === indiaDay() ? t("nav.todaysReview") : t("review.title")} description={t("review.day.description", { outlets, period })} />
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <RangeForm from={filters.from} to={filters.to} action="/review" />
        <div className="flex gap-2">
          <Link href={listLink()} className={toolbarButtonClasses()}>
            {t("review.day.allTransfers")}
          </Link>
          <a href={`/api/review/export?${filtersToSearch({ from: filters.from, to: filters.to })}`} className={toolbarButtonClasses("secondary")}>
            {t("review.day.exportCsv")}
          </a>
        </div>
      </div>
      {problems.length ? <p className="mb-4 text-sm text-red-700">{t("review.filters.notUnderstood", { names: problems.join(", ") })}</p> : null}

      <section aria-label={t("review.day.totals")} className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {/* Counted in parts, as AOPay counts transactions: a transfer over Rs 5,000 has several. */}
        <Stat testId="stat-transactions" label={t("review.day.parts")} value={totals.parts.count.toLocaleString("en-IN")} note={t("review.day.sentToAopay", { count: String(totals.sent) })} />
        <Stat
          testId="stat-succeeded"
          label={t("review.day.sentSuccessfully")}
          value={rupees(totals.succeeded.amount)}
          note={t("review.partCount", { count: totals.succeeded.count, shown: String(totals.succeeded.count) })}
        />
        <Stat testId="stat-success-rate" label={t("review.day.successRate")} value={totals.successRate === null ? "–" : `${(totals.successRate * 100).toFixed(1)}%`} note={t("review.day.ofPartsSent")} />
        <Stat testId="stat-charges" label={t("review.day.customerCharges")} value={rupees(totals.charges)} note={t("review.day.chargesNote")} />
        <Stat testId="stat-commission" label={t("earnings.commission")} value={rupees(totals.commission)} note={t("review.day.commissionNote")} />
      </section>
      {totals.conflicting > 0 ? (
        <p className="mt-3 rounded-lg border border-red-200 bg-red-50 px-4 py-2 font-medium text-red-900" data-testid="stat-conflicting">
          {t.rich("review.day.conflicting", {
            count: totals.conflicting,
            shown: totals.conflicting.toLocaleString("en-IN"),
            link: (chunks) => (
              <a href="#stuck-heading" className="underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="hourly-heading" className="lg:col-span-2">
          <h2 id="hourly-heading" className="mb-2 text-lg font-semibold">
            {t("review.day.volumeByHour")}
          </h2>
          <HourlyChart data={totals.hourly} />
        </Card>
        <Card aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading" className="mb-2 text-lg font-semibold">
            {t("review.day.byStatusAndMode")}
          </h2>
          <table className="w-full text-sm" data-testid="by-state">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1 font-medium">{t("receipt.status")}</th>
                <th className="py-1 text-right font-medium">{t("review.day.count")}</th>
                <th className="py-1 text-right font-medium">{t("receipt.amount")}</th>
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
                    {t("review.day.noTransfers")}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </Card>
      </div>

      <Card aria-labelledby="stuck-heading" className="mt-6">
        <h2 id="stuck-heading" className="text-lg font-semibold">
          {t("review.stuck.title")}
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
            age: age(s.since, now, locale),
            since: showMoment(s.since, locale),
            checks: s.checks,
            nextCheck: s.nextCheckAt ? showMoment(s.nextCheckAt, locale, "time") : null,
            needsReview: s.needsReview,
            conflict: s.conflict === null ? null : sentenceText(t, s.conflict),
          }))}
        />
      </Card>

      <Card aria-labelledby="flags-heading" className="mt-6">
        <h2 id="flags-heading" className="text-lg font-semibold">
          {t("review.risk.title")}
        </h2>
        {flags.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("review.risk.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="risk-flags">
            {flags.map((flag, i) => (
              <li key={`${flag.kind}-${flag.subject}-${i}`} className="py-3">
                <p className="font-medium text-red-800">{t(riskKindLabelKeys[flag.kind])}</p>
                <p className="text-sm">{sentenceText(t, flag.explanation)}</p>
                <p className="mt-1 flex flex-wrap gap-2 text-sm">
                  {flag.transferIds.slice(0, 10).map((id, n) => (
                    <Link key={id} href={`/review/transfers/${id}`} className="underline decoration-slate-300 underline-offset-2">
                      {t("review.risk.transfer", { number: n + 1 })}
                    </Link>
                  ))}
                  {flag.transferIds.length > 10 ? <span className="text-slate-600">{t("review.risk.more", { count: String(flag.transferIds.length - 10) })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
