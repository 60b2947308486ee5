import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/page-heading";
import { reconciliationData } from "@/app/(portal)/reconciliation/data";
import { ByDayTable, ByOutletAgentTable, dayLink } from "@/components/reconciliation/breakdown-tables";
import { LockDayForm } from "@/components/reconciliation/lock-day-form";
import { Card } from "@/components/ui/card";
import { RupeesOnPhones } from "@/components/ui/money";
import { Stat } from "@/components/ui/stat";
import { DifferingPartsList, ReconciliationFiltersForm, TotalsTable } from "@/components/reconciliation/reconciliation-tables";
import { StatementImportForm } from "@/components/reconciliation/statement-import-form";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { dayLabel, indiaMidnight } from "@/lib/days";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.reconciliation") };
}

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { filters, problems, today, isDay, view, outlets, agents, locks, lock, summary, statements } = await reconciliationData(await searchParams);
  const statementRows = view.statementDays.reduce((n, s) => n + s.rows, 0);
  const statementDiffering = view.statementDays.reduce((n, s) => n + s.differing, 0);
  const outletName = outlets.find((o) => o.id === filters.outlet)?.name;
  const agentName = agents.find((a) => a.id === filters.agent)?.name;
  const t = await getTranslations();
  const locale = await getLocale();
  const day = (d: string) => dayLabel(d, locale);
  const periodText = isDay ? (filters.day === today ? t("reconciliation.today", { day: day(filters.day) }) : day(filters.day)) : showMoment(indiaMidnight(filters.day), locale, "month");
  const scope = [outletName ?? t("reconciliation.allOutletsInSentence"), ...(agentName ? [agentName] : [])].join(" · ");
  const total = view.total;

  return (
    <>
      <PageHeading title={t("nav.reconciliation")} description={t("reconciliation.description", { period: periodText, scope })} />
      <ReconciliationFiltersForm filters={filters} outlets={outlets} agents={agents.map((a) => ({ id: a.id, name: a.name, outletName: a.outlet?.name ?? null }))} />
      {/* The filters' names as the address has them (day, span, outlet, agent). */}
      {problems.length ? <p className="mb-4 text-sm text-red-700">{t("reconciliation.filtersNotUnderstood", { names: problems.join(", ") })}</p> : null}

      {lock ? (
        <section aria-label={t("reconciliation.locked.label")} data-testid="day-locked" className="mb-6 rounded-xl border border-green-300 bg-green-50 p-4">
          <p className="font-semibold text-green-900">{t("reconciliation.locked.heading", { day: day(lock.day) })}</p>
          <p className="text-sm text-green-900">
            {t("reconciliation.locked.details", {
              name: lock.lockedBy,
              at: showMoment(lock.lockedAt, locale),
              parts: lock.summary.parts,
              amount: rupees(lock.summary.amount),
              open: lock.summary.openDifferences,
            })}
          </p>
          {lock.note ? <p className="mt-1 text-sm text-green-900">{t("reconciliation.locked.note", { note: lock.note })}</p> : null}
        </section>
      ) : null}

      <section aria-label={t("reconciliation.summary")} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat testId="stat-successful" label={t("reconciliation.stats.successful")} value={total.parts.toLocaleString("en-IN")} note={rupees(total.amount)} />
        <Stat
          testId="stat-differing"
          label={t("reconciliation.figuresDiffer")}
          value={(total.differing + total.unreported).toLocaleString("en-IN")}
          note={total.unreported ? t("reconciliation.stats.unreported", { count: total.unreported }) : t("reconciliation.stats.expectedAgainstReported")}
          alert={total.differing + total.unreported > 0}
        />
        <Stat
          testId="stat-in-statement"
          label={t("reconciliation.stats.inStatements")}
          value={t("reconciliation.countOf", { count: total.inStatement, total: total.parts })}
          note={total.parts - total.inStatement ? t("reconciliation.stats.missing", { count: total.parts - total.inStatement }) : t("reconciliation.stats.noneMissing")}
          alert={total.parts - total.inStatement > 0 && statementRows > 0}
        />
        <Stat
          testId="stat-statement-differing"
          label={t("reconciliation.stats.statementRowsDiffer")}
          value={statementDiffering.toLocaleString("en-IN")}
          note={t("reconciliation.stats.ofImportedRows", { count: statementRows })}
          alert={statementDiffering > 0}
        />
      </section>

      <Card aria-labelledby="totals-heading" className="mt-6">
        <h2 id="totals-heading" className="text-lg font-semibold">
          {t("reconciliation.totals.heading")}
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          {t("reconciliation.totals.intro", { count: total.parts })}
          {total.unreported ? ` ${t("reconciliation.totals.unreported", { count: total.unreported })}` : ""}
          <RupeesOnPhones />
        </p>
        <TotalsTable sums={total} testId="totals" />
      </Card>

      <Card aria-labelledby="differing-heading" className="mt-6">
        <h2 id="differing-heading" className="text-lg font-semibold">
          {t("reconciliation.differing.heading", { count: view.differingCount })}
        </h2>
        <DifferingPartsList parts={view.differingParts} total={view.differingCount} />
      </Card>

      <Card aria-labelledby="by-outlet-heading" className="mt-6">
        <h2 id="by-outlet-heading" className="mb-2 text-lg font-semibold">
          {t("reconciliation.byOutletAgent")}
        </h2>
        <ByOutletAgentTable groups={view.byOutletAgent} filters={filters} />
      </Card>

      {!isDay ? (
        <Card aria-labelledby="by-day-heading" className="mt-6">
          <h2 id="by-day-heading" className="mb-2 text-lg font-semibold">
            {t("reconciliation.byDay")}
          </h2>
          <ByDayTable days={view.byDay} statementDays={view.statementDays} locks={locks} filters={filters} />
        </Card>
      ) : null}

      <Card aria-labelledby="statement-heading" className="mt-6">
        <h2 id="statement-heading" className="text-lg font-semibold">
          {t("reconciliation.import.heading")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("reconciliation.import.intro")}</p>
        <StatementImportForm />
        <h3 className="mt-6 font-semibold">{isDay ? t("reconciliation.statements.inDay") : t("reconciliation.statements.inMonth")}</h3>
        {statements.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("reconciliation.statements.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="statements">
            {statements.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <Link href={`/reconciliation/statements/${s.id}`} className="font-medium underline decoration-slate-300 underline-offset-2">
                  {s.fileName}
                </Link>
                <span className="text-sm text-slate-600">
                  {t("reconciliation.statements.line", { inPeriod: s.rowsInPeriod, count: s.rowCount, by: s.importedBy ?? "—", at: showMoment(s.importedAt, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="lock-heading" className="mt-6">
        <h2 id="lock-heading" className="text-lg font-semibold">
          {t("reconciliation.lock.heading")}
        </h2>
        {!isDay ? (
          <p className="mt-1 text-sm text-slate-600">{t("reconciliation.lock.openADay")}</p>
        ) : lock ? (
          <p className="mt-1 text-sm text-slate-600">{t("reconciliation.lock.alreadyLocked", { day: day(filters.day) })}</p>
        ) : summary ? (
          <>
            <p className="mt-1 mb-3 text-sm text-slate-600">
              {t("reconciliation.lock.explain", { day: day(filters.day) })}{" "}
              {summary.openDifferences > 0 ? (
                <span className="font-medium text-red-800" data-testid="open-differences">
                  {t("reconciliation.lock.open", {
                    differing: summary.differing + summary.unreported,
                    missing: summary.missingFromStatements,
                    rows: summary.statementDiffering,
                  })}
                </span>
              ) : (
                <span className="font-medium text-green-800">{t("reconciliation.lock.nothingOpen")}</span>
              )}
            </p>
            <LockDayForm day={filters.day} dayText={day(filters.day)} openDifferences={summary.openDifferences} />
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("reconciliation.lock.notOver")}</p>
        )}
        <h3 className="mt-4 font-semibold">{t("reconciliation.lock.lockedDaysIn", { month: showMoment(indiaMidnight(filters.day), locale, "month") })}</h3>
        {locks.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("reconciliation.none")}</p>
        ) : (
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="locked-days">
            {locks.map((l) => (
              <li key={l.day}>
                <Link href={dayLink(l.day, filters)} className="inline-flex min-h-9 items-center rounded-lg bg-green-50 px-3 text-sm font-medium text-green-900 ring-1 ring-green-200 hover:bg-green-100">
                  {day(l.day)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
