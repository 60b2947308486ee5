/** The reconciliation view's parts that only render: filters (a plain GET form), totals and differing parts. */
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Difference, DifferenceHeader } from "@/components/reconciliation/difference";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card, cardClasses } from "@/components/ui/card";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { showDay } from "@/lib/days";
import { Money, RupeesOnPhones } from "@/components/ui/money";
import { Table, type Column } from "@/components/ui/table";
import type { MessageKey } from "@/lib/i18n/message-key";
import { showMoment } from "@/lib/i18n/show-moment";
import type { ReconciliationFilters } from "@/lib/reconciliation/period";
import { difference, type DifferingPart, type Sums } from "@/lib/reconciliation/view";

/** A figure expected beside reported, with the difference (reported minus expected). */
interface FigureRow {
  label: MessageKey;
  expected: string | null;
  reported: string | null;
}

/** The columns of a table of FigureRows, their words said by `t`. */
function useFigureColumns(): Column<FigureRow>[] {
  const t = useTranslations();
  return [
    { header: t("reconciliation.columns.figure"), rowHeader: true, cell: (r) => t(r.label) },
    { header: t("reconciliation.columns.expected"), align: "right", cell: (r) => <Money value={r.expected} compact /> },
    { header: t("reconciliation.columns.reported"), align: "right", cell: (r) => <Money value={r.reported} compact /> },
    { header: <DifferenceHeader />, align: "right", cell: (r) => <Difference value={difference(r.expected, r.reported)} label={t(r.label)} compact /> },
  ];
}

export function ReconciliationFiltersForm({
  filters,
  outlets,
  agents,
}: {
  filters: ReconciliationFilters;
  outlets: { id: string; name: string }[];
  agents: { id: string; name: string; outletName: string | null }[];
}) {
  const t = useTranslations();
  return (
    <form method="get" action="/reconciliation" aria-label={t("reconciliation.filters.label")} className={cardClasses("normal", "mb-6 grid grid-cols-2 items-end gap-3 md:grid-cols-5")}>
      <Field id="r-day" label={t("reconciliation.filters.day")}>
        <input id="r-day" name="day" {...dayBoxProps} defaultValue={showDay(filters.day)} className={field} />
      </Field>
      <Field id="r-span" label={t("reconciliation.filters.span")}>
        <select id="r-span" name="span" defaultValue={filters.span} className={field}>
          <option value="day">{t("reconciliation.filters.oneDay")}</option>
          <option value="month">{t("reconciliation.filters.wholeMonth")}</option>
        </select>
      </Field>
      <Field id="r-outlet" label={t("reconciliation.columns.outlet")}>
        <select id="r-outlet" name="outlet" defaultValue={filters.outlet ?? ""} className={field}>
          <option value="">{t("reconciliation.filters.allOutlets")}</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="r-agent" label={t("roles.AGENT")}>
        <select id="r-agent" name="agent" defaultValue={filters.agent ?? ""} className={field}>
          <option value="">{t("reconciliation.filters.allAgents")}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.outletName ? ` (${a.outletName})` : ""}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={`${toolbarButtonClasses()} col-span-2 justify-center md:col-span-1`}>
        {t("reconciliation.filters.show")}
      </button>
    </form>
  );
}

/** Expected beside reported, for each figure, with the difference (reported minus expected). */
export function TotalsTable({ sums, testId }: { sums: Sums; testId: string }) {
  const columns = useFigureColumns();
  const rows: FigureRow[] = [
    { label: "reconciliation.figures.customerChargeWithGst", expected: sums.expected.customerCharge, reported: sums.reported.customerCharge },
    { label: "reconciliation.figures.gst", expected: sums.expected.gst, reported: sums.reported.gst },
    { label: "reconciliation.figures.commissionBeforeTds", expected: sums.expected.commission, reported: null },
    { label: "reconciliation.figures.discount", expected: null, reported: sums.reported.discount },
    { label: "reconciliation.figures.tds", expected: sums.expected.tds, reported: sums.reported.tds },
    { label: "reconciliation.figures.netCommission", expected: sums.expected.netCommission, reported: sums.reported.netCommission },
  ];
  return <Table look="figuresOnPhones" testId={testId} rows={rows} rowKey={(r) => r.label} columns={columns} />;
}

/** One card per differing part: where it was, and each figure expected, reported and the difference. */
export function DifferingPartsList({ parts, total }: { parts: DifferingPart[]; total: number }) {
  const t = useTranslations();
  const locale = useLocale();
  const columns = useFigureColumns();
  if (parts.length === 0) return <p className="mt-2 text-sm text-green-800">{t("reconciliation.differing.allMatch")}</p>;
  return (
    <>
      {total > parts.length ? <p className="mt-1 text-sm text-slate-600">{t("reconciliation.differing.firstListed", { count: parts.length, total })}</p> : null}
      <ul className="mt-3 space-y-3" data-testid="differing-parts">
        {parts.map((p) => {
          const figures: FigureRow[] = [
            { label: "reconciliation.figures.customerCharge", expected: p.expected.customerCharge, reported: p.reported.customerCharge },
            { label: "reconciliation.figures.gst", expected: p.expected.gst, reported: p.reported.gst },
            { label: "reconciliation.figures.discount", expected: null, reported: p.reported.discount },
            { label: "reconciliation.figures.tds", expected: p.expected.tds, reported: p.reported.tds },
            { label: "reconciliation.figures.netCommission", expected: p.expected.netCommission, reported: p.reported.netCommission },
          ];
          const unreported = p.reported.customerCharge === null || p.reported.gst === null || p.reported.tds === null || p.reported.netCommission === null;
          return (
            <Card as="li" padding="tight" key={p.partId} data-reference={p.reference}>
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/review/transfers/${p.transferId}`} className="font-mono font-semibold underline decoration-slate-300 underline-offset-2">
                  {p.reference}
                </Link>
                <Money value={p.amount} className="font-medium" />
                {unreported ? <span className="rounded bg-amber-100 px-1.5 text-sm font-medium text-amber-900">{t("reconciliation.differing.noFigures")}</span> : null}
              </p>
              <p className="text-sm text-slate-600">
                {p.outletName} · {p.agentName} · {showMoment(p.createdAt, locale, "shortDateTime")}
                <RupeesOnPhones />
              </p>
              <Table look="figuresInItemOnPhones" frameClassName="mt-2" rows={figures} rowKey={(f) => f.label} columns={columns} />
            </Card>
          );
        })}
      </ul>
    </>
  );
}
