import type { Metadata } from "next";
import Link from "next/link";
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
import { formatIst, rupees } from "@/lib/format";
import { monthLabel } from "@/lib/reconciliation/period";
import { dayLabel } from "@/lib/days";

export const metadata: Metadata = { title: "Reconciliation" };

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { filters, problems, today, isDay, view, outlets, agents, locks, lock, summary, statements } = await reconciliationData(await searchParams);
  const statementRows = view.statementDays.reduce((n, s) => n + s.rows, 0);
  const statementDiffering = view.statementDays.reduce((n, s) => n + s.differing, 0);
  const outletName = outlets.find((o) => o.id === filters.outlet)?.name;
  const agentName = agents.find((a) => a.id === filters.agent)?.name;
  const periodText = isDay ? `${dayLabel(filters.day)}${filters.day === today ? " (today)" : ""}` : monthLabel(filters.day);
  const t = view.total;

  return (
    <>
      <PageHeading
        title="Reconciliation"
        description={`Charges, GST and TDS the plan expected beside what AOPay reported, for successful transactions · ${periodText} (IST) · ${outletName ?? "all outlets"}${agentName ? ` · ${agentName}` : ""}`}
      />
      <ReconciliationFiltersForm filters={filters} outlets={outlets} agents={agents.map((a) => ({ id: a.id, name: a.name, outletName: a.outlet?.name ?? null }))} />
      {problems.length ? <p className="mb-4 text-sm text-red-700">Some filters were not understood and were left out: {problems.join(", ")}.</p> : null}

      {lock ? (
        <section aria-label="Day locked" data-testid="day-locked" className="mb-6 rounded-xl border border-green-300 bg-green-50 p-4">
          <p className="font-semibold text-green-900">
            {dayLabel(lock.day)} is reconciled and locked
          </p>
          <p className="text-sm text-green-900">
            By {lock.lockedBy} on {formatIst(lock.lockedAt)}. No statement can be imported for it. At the time: {lock.summary.parts} successful transactions,{" "}
            {rupees(lock.summary.amount)}, {lock.summary.openDifferences} open difference{lock.summary.openDifferences === 1 ? "" : "s"}.
          </p>
          {lock.note ? <p className="mt-1 text-sm text-green-900">Note: {lock.note}</p> : null}
        </section>
      ) : null}

      <section aria-label="Summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat testId="stat-successful" label="Successful transactions" value={t.parts.toLocaleString("en-IN")} note={rupees(t.amount)} />
        <Stat
          testId="stat-differing"
          label="Figures differ"
          value={(t.differing + t.unreported).toLocaleString("en-IN")}
          note={t.unreported ? `${t.unreported} with no figures from AOPay` : "expected against reported"}
          alert={t.differing + t.unreported > 0}
        />
        <Stat testId="stat-in-statement" label="In AOPay's statements" value={`${t.inStatement} of ${t.parts}`} note={t.parts - t.inStatement ? `${t.parts - t.inStatement} missing` : "none missing"} alert={t.parts - t.inStatement > 0 && statementRows > 0} />
        <Stat testId="stat-statement-differing" label="Statement rows that differ" value={statementDiffering.toLocaleString("en-IN")} note={`of ${statementRows} imported rows`} alert={statementDiffering > 0} />
      </section>

      <Card aria-labelledby="totals-heading" className="mt-6">
        <h2 id="totals-heading" className="text-lg font-semibold">
          Expected and reported
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          Totals of {t.parts} successful transaction{t.parts === 1 ? "" : "s"}. Difference is reported minus expected; more than Rs 0.01 either way is highlighted.
          {t.unreported ? ` ${t.unreported} transaction${t.unreported === 1 ? " has" : "s have"} no figures from AOPay, so the reported totals leave them out.` : ""}
          <RupeesOnPhones />
        </p>
        <TotalsTable sums={t} testId="totals" />
      </Card>

      <Card aria-labelledby="differing-heading" className="mt-6">
        <h2 id="differing-heading" className="text-lg font-semibold">
          Transactions whose figures differ ({view.differingCount})
        </h2>
        <DifferingPartsList parts={view.differingParts} total={view.differingCount} />
      </Card>

      <Card aria-labelledby="by-outlet-heading" className="mt-6">
        <h2 id="by-outlet-heading" className="mb-2 text-lg font-semibold">
          By outlet and agent
        </h2>
        <ByOutletAgentTable groups={view.byOutletAgent} filters={filters} />
      </Card>

      {!isDay ? (
        <Card aria-labelledby="by-day-heading" className="mt-6">
          <h2 id="by-day-heading" className="mb-2 text-lg font-semibold">
            By day
          </h2>
          <ByDayTable days={view.byDay} statementDays={view.statementDays} locks={locks} filters={filters} />
        </Card>
      ) : null}

      <Card aria-labelledby="statement-heading" className="mt-6">
        <h2 id="statement-heading" className="text-lg font-semibold">
          Import AOPay&apos;s statement
        </h2>
        <p className="mb-3 text-sm text-slate-600">Every row is matched by reference against the ledger. A file with any wrong row imports nothing, and each problem is listed with its line.</p>
        <StatementImportForm />
        <h3 className="mt-6 font-semibold">Statements with rows in {isDay ? "this day" : "this month"}</h3>
        {statements.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">None imported yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="statements">
            {statements.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <Link href={`/reconciliation/statements/${s.id}`} className="font-medium underline decoration-slate-300 underline-offset-2">
                  {s.fileName}
                </Link>
                <span className="text-sm text-slate-600">
                  {s.rowsInPeriod} of {s.rowCount} rows · {s.importedBy ?? "—"} · {formatIst(s.importedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="lock-heading" className="mt-6">
        <h2 id="lock-heading" className="text-lg font-semibold">
          Mark a day reconciled
        </h2>
        {!isDay ? (
          <p className="mt-1 text-sm text-slate-600">Open a day to lock it.</p>
        ) : lock ? (
          <p className="mt-1 text-sm text-slate-600">{dayLabel(filters.day)} is already locked.</p>
        ) : summary ? (
          <>
            <p className="mt-1 mb-3 text-sm text-slate-600">
              Locks {dayLabel(filters.day)} for every outlet: no statement can be imported for it afterwards, and its totals as they are now are kept with the lock.{" "}
              {summary.openDifferences > 0 ? (
                <span className="font-medium text-red-800" data-testid="open-differences">
                  Open: {summary.differing + summary.unreported} transaction{summary.differing + summary.unreported === 1 ? "" : "s"} whose figures differ,{" "}
                  {summary.missingFromStatements} missing from statements, {summary.statementDiffering} statement row{summary.statementDiffering === 1 ? "" : "s"} differing from the ledger.
                </span>
              ) : (
                <span className="font-medium text-green-800">Nothing is open.</span>
              )}
            </p>
            <LockDayForm day={filters.day} dayText={dayLabel(filters.day)} openDifferences={summary.openDifferences} />
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">A day can be locked once it is over (India time).</p>
        )}
        <h3 className="mt-4 font-semibold">Locked days in {monthLabel(filters.day)}</h3>
        {locks.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">None.</p>
        ) : (
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="locked-days">
            {locks.map((l) => (
              <li key={l.day}>
                <Link href={dayLink(l.day, filters)} className="inline-flex min-h-9 items-center rounded-lg bg-green-50 px-3 text-sm font-medium text-green-900 ring-1 ring-green-200 hover:bg-green-100">
                  {dayLabel(l.day)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
