/** The reconciliation view's parts that only render: filters (a plain GET form), totals and differing parts. */
import Link from "next/link";
import { Difference, DifferenceHeader } from "@/components/reconciliation/difference";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card, cardClasses } from "@/components/ui/card";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { showDay } from "@/lib/days";
import { Money, RupeesOnPhones } from "@/components/ui/money";
import { Table } from "@/components/ui/table";
import { formatIst } from "@/lib/format";
import type { ReconciliationFilters } from "@/lib/reconciliation/period";
import { difference, type DifferingPart, type Sums } from "@/lib/reconciliation/view";

/** A figure expected beside reported, with the difference (reported minus expected). */
interface FigureRow {
  label: string;
  expected: string | null;
  reported: string | null;
}

const figureColumns = [
  { header: "Figure", rowHeader: true, cell: (r: FigureRow) => r.label },
  { header: "Expected", align: "right" as const, cell: (r: FigureRow) => <Money value={r.expected} compact /> },
  { header: "Reported", align: "right" as const, cell: (r: FigureRow) => <Money value={r.reported} compact /> },
  { header: <DifferenceHeader />, align: "right" as const, cell: (r: FigureRow) => <Difference value={difference(r.expected, r.reported)} label={r.label} compact /> },
];

export function ReconciliationFiltersForm({
  filters,
  outlets,
  agents,
}: {
  filters: ReconciliationFilters;
  outlets: { id: string; name: string }[];
  agents: { id: string; name: string; outletName: string | null }[];
}) {
  return (
    <form method="get" action="/reconciliation" aria-label="Period and filters" className={cardClasses("normal", "mb-6 grid grid-cols-2 items-end gap-3 md:grid-cols-5")}>
      <Field id="r-day" label="Day (IST)">
        <input id="r-day" name="day" {...dayBoxProps} defaultValue={showDay(filters.day)} className={field} />
      </Field>
      <Field id="r-span" label="Show">
        <select id="r-span" name="span" defaultValue={filters.span} className={field}>
          <option value="day">One day</option>
          <option value="month">Whole month</option>
        </select>
      </Field>
      <Field id="r-outlet" label="Outlet">
        <select id="r-outlet" name="outlet" defaultValue={filters.outlet ?? ""} className={field}>
          <option value="">All outlets</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="r-agent" label="Agent">
        <select id="r-agent" name="agent" defaultValue={filters.agent ?? ""} className={field}>
          <option value="">All agents</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.outletName ? ` (${a.outletName})` : ""}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={`${toolbarButtonClasses()} col-span-2 justify-center md:col-span-1`}>
        Show
      </button>
    </form>
  );
}

/** Expected beside reported, for each figure, with the difference (reported minus expected). */
export function TotalsTable({ sums, testId }: { sums: Sums; testId: string }) {
  const rows: FigureRow[] = [
    { label: "Customer charge (GST included)", expected: sums.expected.customerCharge, reported: sums.reported.customerCharge },
    { label: "GST", expected: sums.expected.gst, reported: sums.reported.gst },
    { label: "Commission before TDS", expected: sums.expected.commission, reported: null },
    { label: "Discount", expected: null, reported: sums.reported.discount },
    { label: "TDS", expected: sums.expected.tds, reported: sums.reported.tds },
    { label: "Net commission", expected: sums.expected.netCommission, reported: sums.reported.netCommission },
  ];
  return <Table look="figuresOnPhones" testId={testId} rows={rows} rowKey={(r) => r.label} columns={figureColumns} />;
}

/** One card per differing part: where it was, and each figure expected, reported and the difference. */
export function DifferingPartsList({ parts, total }: { parts: DifferingPart[]; total: number }) {
  if (parts.length === 0) return <p className="mt-2 text-sm text-green-800">Every successful transaction&apos;s figures match what AOPay reported.</p>;
  return (
    <>
      {total > parts.length ? <p className="mt-1 text-sm text-slate-600">The first {parts.length} of {total} are listed, oldest first.</p> : null}
      <ul className="mt-3 space-y-3" data-testid="differing-parts">
        {parts.map((p) => {
          const figures: FigureRow[] = [
            { label: "Customer charge", expected: p.expected.customerCharge, reported: p.reported.customerCharge },
            { label: "GST", expected: p.expected.gst, reported: p.reported.gst },
            { label: "Discount", expected: null, reported: p.reported.discount },
            { label: "TDS", expected: p.expected.tds, reported: p.reported.tds },
            { label: "Net commission", expected: p.expected.netCommission, reported: p.reported.netCommission },
          ];
          const unreported = p.reported.customerCharge === null || p.reported.gst === null || p.reported.tds === null || p.reported.netCommission === null;
          return (
            <Card as="li" padding="tight" key={p.partId} data-reference={p.reference}>
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/review/transfers/${p.transferId}`} className="font-mono font-semibold underline decoration-slate-300 underline-offset-2">
                  {p.reference}
                </Link>
                <Money value={p.amount} className="font-medium" />
                {unreported ? <span className="rounded bg-amber-100 px-1.5 text-sm font-medium text-amber-900">AOPay reported no figures</span> : null}
              </p>
              <p className="text-sm text-slate-600">
                {p.outletName} · {p.agentName} · {formatIst(p.createdAt, "dd MMM, HH:mm")}
                <RupeesOnPhones />
              </p>
              <Table look="figuresInItemOnPhones" frameClassName="mt-2" rows={figures} rowKey={(f) => f.label} columns={figureColumns} />
            </Card>
          );
        })}
      </ul>
    </>
  );
}
