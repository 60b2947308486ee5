/** The reconciliation's breakdowns: by outlet and agent, and (for a month) by day. */
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { Table } from "@/components/ui/table";
import type { LockedDay } from "@/lib/reconciliation/day-lock";
import { dayLabel } from "@/lib/days";
import { reconciliationSearch, type ReconciliationFilters } from "@/lib/reconciliation/period";
import type { DaySums, OutletAgentSums, StatementDayStats } from "@/lib/reconciliation/view";

/** A day's reconciliation, keeping the outlet and agent chosen. */
export function dayLink(day: string, filters: Pick<ReconciliationFilters, "outlet" | "agent">): string {
  return `/reconciliation?${reconciliationSearch({ day, outlet: filters.outlet, agent: filters.agent })}`;
}

export function ByOutletAgentTable({ groups, filters }: { groups: OutletAgentSums[]; filters: ReconciliationFilters }) {
  const t = useTranslations();
  return (
    <Table
      look="figures"
      testId="by-outlet-agent"
      rows={groups}
      rowKey={(g) => `${g.outletId}-${g.agentId}`}
      empty={<p className="text-sm text-slate-600">{t("reconciliation.noneInPeriod")}</p>}
      columns={[
        {
          header: t("reconciliation.columns.outletAgent"),
          rowHeader: true,
          className: "min-w-44",
          cell: (g) => (
            <Link href={`/reconciliation?${reconciliationSearch({ ...filters, outlet: g.outletId, agent: g.agentId })}`} className="underline decoration-slate-300 underline-offset-2">
              {g.outletName} · {g.agentName}
            </Link>
          ),
        },
        { header: t("reconciliation.columns.transactions"), align: "right", className: "tabular-nums", cell: (g) => g.parts },
        { header: t("reconciliation.columns.chargeExpected"), align: "right", cell: (g) => <Money value={g.expected.customerCharge} /> },
        { header: t("reconciliation.columns.chargeReported"), align: "right", cell: (g) => <Money value={g.reported.customerCharge} /> },
        { header: t("reconciliation.columns.tdsExpected"), align: "right", cell: (g) => <Money value={g.expected.tds} /> },
        { header: t("reconciliation.columns.tdsReported"), align: "right", cell: (g) => <Money value={g.reported.tds} /> },
        { header: t("reconciliation.columns.netExpected"), align: "right", cell: (g) => <Money value={g.expected.netCommission} /> },
        { header: t("reconciliation.columns.netReported"), align: "right", cell: (g) => <Money value={g.reported.netCommission} /> },
        {
          header: t("reconciliation.columns.differ"),
          align: "right",
          className: (g) => `tabular-nums ${g.differing + g.unreported ? "font-semibold text-red-800" : "text-slate-500"}`,
          cell: (g) => g.differing + g.unreported,
        },
      ]}
    />
  );
}

/** Every day with successful transactions or a lock, with its statements' rows. */
export function ByDayTable({ days, statementDays, locks, filters }: { days: DaySums[]; statementDays: StatementDayStats[]; locks: LockedDay[]; filters: ReconciliationFilters }) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const statementByDay = new Map(statementDays.map((s) => [s.day, s]));
  const lockedSet = new Set(locks.map((l) => l.day));
  const t = useTranslations();
  const locale = useLocale();
  return (
    <Table
      look="figures"
      testId="by-day"
      rows={[...new Set([...days.map((d) => d.day), ...locks.map((l) => l.day)])].sort()}
      rowKey={(day) => day}
      empty={<p className="text-sm text-slate-600">{t("reconciliation.noneInMonth")}</p>}
      columns={[
        {
          header: t("earnings.day"),
          rowHeader: true,
          className: "whitespace-nowrap",
          cell: (day) => (
            <Link href={dayLink(day, filters)} className="underline decoration-slate-300 underline-offset-2">
              {dayLabel(day, locale)}
            </Link>
          ),
        },
        { header: t("reconciliation.columns.transactions"), align: "right", className: "tabular-nums", cell: (day) => byDay.get(day)?.parts ?? 0 },
        { header: t("reconciliation.figures.amount"), align: "right", cell: (day) => <Money value={byDay.get(day)?.amount ?? "0"} /> },
        {
          header: t("reconciliation.figuresDiffer"),
          align: "right",
          className: (day) => {
            const d = byDay.get(day);
            return `tabular-nums ${d && d.differing + d.unreported ? "font-semibold text-red-800" : ""}`;
          },
          cell: (day) => {
            const d = byDay.get(day);
            return d ? d.differing + d.unreported : 0;
          },
        },
        {
          header: t("reconciliation.columns.inStatements"),
          align: "right",
          className: "tabular-nums",
          cell: (day) => {
            const d = byDay.get(day);
            return d ? t("reconciliation.countOf", { count: d.inStatement, total: d.parts }) : "—";
          },
        },
        {
          header: t("reconciliation.columns.statementRowsDiffer"),
          align: "right",
          className: (day) => `tabular-nums ${statementByDay.get(day)?.differing ? "font-semibold text-red-800" : ""}`,
          cell: (day) => {
            const s = statementByDay.get(day);
            return s ? t("reconciliation.countOf", { count: s.differing, total: s.rows }) : "—";
          },
        },
        {
          header: t("reconciliation.columns.locked"),
          cell: (day) =>
            lockedSet.has(day) ? <span className="font-medium text-green-800">{t("reconciliation.dayLocked")}</span> : <span className="text-slate-500">{t("reconciliation.dayOpen")}</span>,
        },
      ]}
    />
  );
}
